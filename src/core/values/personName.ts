import type { PersonName, PersonNameComponents } from '../model';

/** Splits one PN value into its alphabetic, ideographic and phonetic groups (PS3.5 6.2.1). */
export function parsePersonName(value: string): PersonName {
  const groups = value.split('=');
  return {
    alphabetic: components(groups[0]),
    ideographic: components(groups[1]),
    phonetic: components(groups[2]),
  };
}

function components(group: string | undefined): PersonNameComponents | null {
  if (group === undefined || group === '') return null;
  const [familyName = '', givenName = '', middleName = '', namePrefix = '', nameSuffix = ''] = group.split('^');
  return { familyName, givenName, middleName, namePrefix, nameSuffix };
}

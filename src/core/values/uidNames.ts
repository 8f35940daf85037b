import { lookupUid } from '../dictionary/uids';

/** The registry name of a UID value (transfer syntax, SOP class, ...), for display beside it. */
export function uidName(uid: string): string | undefined {
  return lookupUid(uid)?.name;
}

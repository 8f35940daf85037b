/**
 * Value formats of the text VRs (PS3.5 6.2, Table 6.2-1): what one value of each VR may hold.
 * Each function gets one value with its padding already removed (leading spaces too, except for
 * LT, ST and UT) and returns why the value is not allowed, or undefined when it is.
 */

/** Longest value per VR, in characters (PS3.5 Table 6.2-1); PN counts per component group. */
export const MAX_LENGTH: Readonly<Record<string, number>> = {
  AE: 16, AS: 4, CS: 16, DA: 8, DS: 16, DT: 26, IS: 12, LO: 64, LT: 10240, PN: 64, SH: 16, ST: 1024, TM: 14, UI: 64,
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function date(text: string): string | undefined {
  if (!/^\d{8}$/.test(text)) return 'is not a date YYYYMMDD';
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (month < 1 || month > 12) return `has month ${text.slice(4, 6)}`;
  const year = Number(text.slice(0, 4));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day < 1 || day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && !leap)) return `has day ${text.slice(6, 8)}`;
  return undefined;
}

function time(text: string): string | undefined {
  const match = /^(\d\d)(?:(\d\d)(?:(\d\d)(?:\.\d{1,6})?)?)?$/.exec(text);
  if (!match) return 'is not a time HHMMSS.FFFFFF';
  if (Number(match[1]) > 23) return `has hour ${match[1]}`;
  if (match[2] !== undefined && Number(match[2]) > 59) return `has minute ${match[2]}`;
  // 60 is a leap second, which the standard allows.
  if (match[3] !== undefined && Number(match[3]) > 60) return `has second ${match[3]}`;
  return undefined;
}

function dateTime(text: string): string | undefined {
  const match = /^(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d(?:\.\d{1,6})?)?([+-]\d{4})?$/.exec(text);
  if (!match) return 'is not a date-time YYYYMMDDHHMMSS.FFFFFF&ZZXX';
  const [, year, month, day, hour, minute, second] = match;
  if (month !== undefined && day !== undefined && date(year + month + day)) return date(year + month + day);
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return `has month ${month}`;
  if (hour !== undefined && time(hour + (minute ?? '') + (second ?? ''))) return time(hour + (minute ?? '') + (second ?? ''));
  return undefined;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
/** UID components are numbers without leading zeros (PS3.5 9.1). */
const UID = /^(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))*$/;

function decimalString(text: string): string | undefined {
  return DECIMAL.test(text.trim()) ? undefined : 'is not a decimal number';
}

function integerString(text: string): string | undefined {
  if (!INTEGER.test(text.trim())) return 'is not an integer';
  const n = Number(text);
  return n < -(2 ** 31) || n > 2 ** 31 - 1 ? 'is outside the range of a signed 32-bit integer' : undefined;
}

function uid(text: string): string | undefined {
  if (UID.test(text)) return undefined;
  if (/^[0-9.]+$/.test(text)) {
    return /(^|\.)0\d/.test(text) ? 'has a component with a leading zero' : 'has an empty component';
  }
  return 'holds characters other than digits and dots';
}

function codeString(text: string): string | undefined {
  return /^[A-Z0-9 _]*$/.test(text) ? undefined : 'holds characters other than A-Z, 0-9, space and _';
}

function ageString(text: string): string | undefined {
  return /^\d{3}[DWMY]$/.test(text) ? undefined : 'is not an age nnnD, nnnW, nnnM or nnnY';
}

function applicationEntity(text: string): string | undefined {
  return /^[\x20-\x7e]*$/.test(text) && !text.includes('\\') ? undefined : 'holds a control character or backslash';
}

function personName(text: string): string | undefined {
  const groups = text.split('=');
  if (groups.length > 3) return `has ${groups.length} component groups, at most 3 allowed`;
  for (const group of groups) {
    if (group.split('^').length > 5) return 'has more than 5 name components';
    if (group.length > MAX_LENGTH.PN) return `has a component group of ${group.length} characters, at most ${MAX_LENGTH.PN} allowed`;
  }
  return undefined;
}

/** Control characters a text VR may hold besides ESC (ISO 2022): none for one-line VRs, and
 * TAB, LF, FF, CR for the free text VRs (PS3.5 6.1.3). */
function textCharacters(multiLine: boolean): (text: string) => string | undefined {
  const allowed = new Set(multiLine ? [0x09, 0x0a, 0x0c, 0x0d, 0x1b] : [0x1b]);
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x20 && !allowed.has(code)) return `holds the control character 0x${code.toString(16).padStart(2, '0')}`;
    }
    return undefined;
  };
}

const singleLine = textCharacters(false);
const multiLine = textCharacters(true);

export const FORMAT_RULES: Readonly<Record<string, (text: string) => string | undefined>> = {
  AE: applicationEntity, AS: ageString, CS: codeString, DA: date, DS: decimalString, DT: dateTime, IS: integerString,
  TM: time, UI: uid, PN: (text) => singleLine(text) ?? personName(text), LO: singleLine, SH: singleLine,
  UC: singleLine, LT: multiLine, ST: multiLine, UT: multiLine,
};

/** VRs whose repertoire is always the default one (ISO 646), whatever Specific Character Set says. */
export const DEFAULT_REPERTOIRE_VRS = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'TM', 'UI', 'UR']);

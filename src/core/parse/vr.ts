/** Value representations and how the explicit-VR header encodes their length (PS3.5 7.1.2). */

/** VRs whose explicit header has 2 reserved bytes and a 32-bit length: the tag starts 12 bytes before the value. */
export const LONG_HEADER_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

export const KNOWN_VRS = new Set([
  'AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'OB', 'OD', 'OF', 'OL', 'OV', 'OW',
  'PN', 'SH', 'SL', 'SQ', 'SS', 'ST', 'SV', 'TM', 'UC', 'UI', 'UL', 'UN', 'UR', 'US', 'UT', 'UV',
]);

/** Bulk binary VRs: summarised by size and first bytes, not decoded. */
export const BULK_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN']);

export const UNDEFINED_LENGTH = 0xffffffff;

export function isUpperLetter(byte: number): boolean {
  return byte >= 0x41 && byte <= 0x5a;
}

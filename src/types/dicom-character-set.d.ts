declare module 'dicom-character-set' {
  /** Converts DICOM text bytes to a string in the given Specific Character Set (backslash-separated terms). */
  export function convertBytes(specificCharacterSet: string, bytes: Uint8Array, options?: { vr?: string }): string;
}

import { j2kStart, readJ2kHeader, readJpegHeader } from './codestreamHeaders';
import { htj2kCodec, jpeg2000Codec } from './jpeg2000';
import { jpegDctCodec } from './jpegDct';
import { jpegLosslessCodec } from './jpegLossless';
import { jpegLsCodec } from './jpegLs';
import type { CodecWarning, CompressedCodec } from './types';

export interface CodecChoice {
  readonly codec: CompressedCodec;
  readonly bytes: Uint8Array;
  readonly warnings: CodecWarning[];
}

const JPEG_FAMILY = new Set<CompressedCodec>([jpegDctCodec, jpegLosslessCodec, jpegLsCodec]);
const J2K_FAMILY = new Set<CompressedCodec>([jpeg2000Codec, htj2kCodec]);

/**
 * The codec the codestream itself calls for, within the family of the transfer syntax: files
 * labelled JPEG Baseline that hold lossless JPEG or JPEG-LS, or JPEG 2000 that holds HTJ2K, are
 * decoded as their markers say, with a warning. A JP2 file wrapper is unwrapped to its codestream.
 */
export function chooseCodec(declared: CompressedCodec, bytes: Uint8Array): CodecChoice {
  if (JPEG_FAMILY.has(declared)) {
    const header = readJpegHeader(bytes);
    if (!header) return { codec: declared, bytes, warnings: [] };
    const actual = header.sof === 0xc3 ? jpegLosslessCodec : header.sof === 0xf7 ? jpegLsCodec : jpegDctCodec;
    const warnings = actual === declared ? [] : [{ code: 'codestream-other-process', message: `The transfer syntax says ${declared.name} but the codestream is ${actual.name}; it was decoded as the codestream says.` }];
    return { codec: actual, bytes, warnings };
  }
  if (J2K_FAMILY.has(declared)) {
    const start = j2kStart(bytes);
    if (start === undefined) return { codec: declared, bytes, warnings: [] };
    const warnings: CodecWarning[] = start > 0 ? [{ code: 'codestream-in-jp2-file', message: 'The frame is a JP2 file rather than a bare JPEG 2000 codestream; its codestream was decoded.' }] : [];
    const codestream = bytes.subarray(start);
    // HTJ2K transfer syntaxes may carry Part 1 codestreams (OpenJPEG decodes those); a
    // JPEG 2000 syntax may not carry HT block coding, so only that direction is worth a warning.
    const ht = readJ2kHeader(codestream)?.htj2k ?? false;
    if (ht && declared === jpeg2000Codec) warnings.push({ code: 'codestream-other-process', message: 'The transfer syntax says JPEG 2000 but the codestream uses HTJ2K block coding; it was decoded as HTJ2K.' });
    return { codec: ht ? htj2kCodec : jpeg2000Codec, bytes: codestream, warnings };
  }
  return { codec: declared, bytes, warnings: [] };
}

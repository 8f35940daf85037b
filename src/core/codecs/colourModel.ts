import type { J2kHeader, JpegHeader } from './codestreamHeaders';

/**
 * Which colour model a decoded frame is in, decided from the codestream (the data the codec
 * actually transformed or not) with a warning when the DICOM header says otherwise.
 */
export interface ColourDecision {
  readonly photometric: string;
  readonly warnings: string[];
}

const YBR_HEADERS = new Set(['YBR_FULL', 'YBR_FULL_422', 'YBR_PARTIAL_422', 'YBR_PARTIAL_420', 'YBR_ICT', 'YBR_RCT']);

/** What a three-component JPEG codestream says about its colour model. */
export type JpegColourMarking = 'ycbcr' | 'rgb' | 'unmarked';

/**
 * libjpeg's reading of the markers (jdapimin.c default_decompress_parms): a complete Adobe
 * APP14 segment's transform flag, else JFIF (always YCbCr), else component ids 'R','G','B'.
 * Anything else carries no colour information, although libjpeg then assumes YCbCr.
 */
export function jpegColourMarking(header: JpegHeader): JpegColourMarking {
  if (header.adobeTransform !== undefined) return header.adobeTransform === 0 ? 'rgb' : 'ycbcr';
  if (header.jfif) return 'ycbcr';
  const [a, b, c] = header.componentIds;
  return a === 0x52 && b === 0x47 && c === 0x42 ? 'rgb' : 'unmarked';
}

export interface JpegColourDecision extends ColourDecision {
  /** Decode without a YCbCr to RGB conversion, although libjpeg would assume YCbCr. */
  readonly keepRgb: boolean;
}

/**
 * Three-component DCT JPEG comes out of libjpeg-turbo as RGB. A marked codestream is followed
 * (with a warning when the header says otherwise). An unmarked one follows the header, as
 * DCMTK does, except that subsampled chroma can only be YCbCr (nobody subsamples RGB).
 */
export function jpegDctColour(header: JpegHeader, declared: string): JpegColourDecision {
  if (header.componentIds.length !== 3) return { photometric: declared, warnings: [], keepRgb: false };
  const marking = jpegColourMarking(header);
  const subsampled = header.sampling.some(([h, v]) => h !== header.sampling[0][0] || v !== header.sampling[0][1]);
  const ycbcr = marking === 'ycbcr' || (marking === 'unmarked' && (subsampled || declared !== 'RGB'));
  const warnings: string[] = [];
  if (ycbcr && declared === 'RGB') {
    const why = marking === 'ycbcr' ? 'is marked as YCbCr' : 'has subsampled chroma, so it holds YCbCr';
    warnings.push(`Photometric Interpretation is RGB but the JPEG codestream ${why}; it was converted from YCbCr as the codestream says.`);
  } else if (!ycbcr && YBR_HEADERS.has(declared)) {
    warnings.push(`Photometric Interpretation is ${declared} but the JPEG codestream is marked as RGB; its samples were taken as RGB as the codestream says.`);
  }
  return { photometric: 'RGB', warnings, keepRgb: !ycbcr && marking === 'unmarked' };
}

/**
 * JPEG 2000: a decoder undoes the component transform (ICT or RCT) the COD marker announces,
 * so such frames come out RGB; without one the samples are what the header says.
 */
export function j2kColour(header: J2kHeader, declared: string): ColourDecision {
  if (header.components !== 3) return { photometric: declared, warnings: [] };
  if (header.mct !== 0) {
    const expected = header.reversible ? 'YBR_RCT' : 'YBR_ICT';
    const warnings =
      declared === expected || header.mct === 2
        ? []
        : [`Photometric Interpretation is ${declared} but the JPEG 2000 codestream applies the ${header.reversible ? 'reversible (RCT)' : 'irreversible (ICT)'} colour transform; the decoded RGB is shown as the codestream says.`];
    return { photometric: 'RGB', warnings };
  }
  if (declared === 'YBR_ICT' || declared === 'YBR_RCT') {
    return {
      photometric: 'RGB',
      warnings: [`Photometric Interpretation is ${declared} but the JPEG 2000 codestream has no colour transform; its samples were taken as RGB as the codestream says.`],
    };
  }
  return { photometric: declared, warnings: [] };
}

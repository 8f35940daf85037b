import type { J2kHeader, JpegHeader } from './codestreamHeaders';
import type { CodecWarning } from './types';

/**
 * Which colour model a decoded frame is in, with a warning when the DICOM header and the
 * codestream disagree.
 */
export interface ColourDecision {
  readonly photometric: string;
  readonly warnings: CodecWarning[];
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
  /** Convert the samples from YCbCr to RGB (true) or take them as they are (false). */
  readonly ycbcr: boolean;
}

const JPEG_YBR_HEADERS = new Set(['YBR_FULL', 'YBR_FULL_422', 'YBR_PARTIAL_422', 'YBR_PARTIAL_420']);

/**
 * Three-component DCT JPEG: the DICOM header decides, as DCMTK (dcmdjpeg/dcmj2pnm, default
 * "convert if the Photometric Interpretation is YCbCr") and pydicom do: a YBR_* header means
 * the samples are YCbCr and are converted to RGB, anything else means they are taken as they
 * are. The codestream's own marking (JFIF, Adobe APP14, component ids, subsampled chroma) is
 * only compared with the header, and a disagreement is reported, because the colours are then
 * probably wrong in every reader.
 */
export function jpegDctColour(header: JpegHeader, declared: string): JpegColourDecision {
  if (header.componentIds.length !== 3) return { photometric: declared, warnings: [], ycbcr: false };
  const ycbcr = JPEG_YBR_HEADERS.has(declared);
  const marking = jpegColourMarking(header);
  const subsampled = header.sampling.some(([h, v]) => h !== header.sampling[0][0] || v !== header.sampling[0][1]);
  const warnings: CodecWarning[] = [];
  if (!ycbcr && (marking === 'ycbcr' || subsampled)) {
    const why = marking === 'ycbcr' ? `is marked as YCbCr (${header.jfif ? 'JFIF marker' : 'Adobe APP14 transform'})` : 'has subsampled chroma, so it probably holds YCbCr';
    warnings.push({ code: 'jpeg-colour-mismatch', message: `Photometric Interpretation is ${declared} but the JPEG codestream ${why}; the samples were taken as ${declared} as the header says (as DCMTK and pydicom do), so the colours may be wrong.` });
  } else if (ycbcr && marking === 'rgb') {
    warnings.push({ code: 'jpeg-colour-mismatch', message: `Photometric Interpretation is ${declared} but the JPEG codestream is marked as RGB; the samples were converted from YCbCr as the header says (as DCMTK and pydicom do), so the colours may be wrong.` });
  }
  return { photometric: 'RGB', warnings, ycbcr };
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
        : [{ code: 'j2k-colour-mismatch', message: `Photometric Interpretation is ${declared} but the JPEG 2000 codestream applies the ${header.reversible ? 'reversible (RCT)' : 'irreversible (ICT)'} colour transform; the decoded RGB is shown as the codestream says.` }];
    return { photometric: 'RGB', warnings };
  }
  if (declared === 'YBR_ICT' || declared === 'YBR_RCT') {
    return {
      photometric: 'RGB',
      warnings: [{ code: 'j2k-colour-mismatch', message: `Photometric Interpretation is ${declared} but the JPEG 2000 codestream has no colour transform; its samples were taken as RGB as the codestream says.` }],
    };
  }
  return { photometric: declared, warnings: [] };
}

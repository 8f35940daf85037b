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

/**
 * libjpeg's rule (jdapimin.c default_decompress_parms) for whether three components are YCbCr:
 * the Adobe marker's flag, else JFIF means YCbCr, else component ids 'R','G','B' mean RGB.
 */
export function jpegHoldsYcbcr(header: JpegHeader): boolean {
  if (header.componentIds.length !== 3) return false;
  if (header.adobeTransform !== undefined) return header.adobeTransform !== 0;
  if (header.jfif) return true;
  const [a, b, c] = header.componentIds;
  return !(a === 0x52 && b === 0x47 && c === 0x42);
}

/**
 * libjpeg-turbo returns RGB for every three-component stream (converting YCbCr itself), so the
 * result is RGB; the warning says when that conversion was or was not what the header implied.
 */
export function jpegDctColour(header: JpegHeader, declared: string): ColourDecision {
  if (header.componentIds.length !== 3) return { photometric: declared, warnings: [] };
  const ycc = jpegHoldsYcbcr(header);
  const warnings: string[] = [];
  if (ycc && declared === 'RGB') {
    warnings.push('Photometric Interpretation is RGB but the JPEG codestream is marked as YCbCr; it was converted from YCbCr as the codestream says.');
  } else if (!ycc && YBR_HEADERS.has(declared)) {
    warnings.push(`Photometric Interpretation is ${declared} but the JPEG codestream is marked as RGB; its samples were taken as RGB as the codestream says.`);
  }
  return { photometric: 'RGB', warnings };
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

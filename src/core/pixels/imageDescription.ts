import type { DicomElement, DicomFile, TransferSyntaxInfo } from '../model';
import { findElement, numberAt, stringAt, Tags } from './elementValues';

/** What the Image Pixel Module says about the frames, checked for consistency. */
export interface ImageDescription {
  readonly rows: number;
  readonly columns: number;
  readonly samplesPerPixel: number;
  readonly photometric: string;
  /** 0 = interleaved (R1G1B1 R2G2B2...), 1 = by plane (R1R2... G1G2... B1B2...). */
  readonly planarConfiguration: 0 | 1;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  readonly highBit: number;
  /** True when PixelRepresentation is 1 (two's complement samples). */
  readonly signed: boolean;
  readonly numberOfFrames: number;
  /** The pixel data element, with its value offset, length and fragments. */
  readonly pixelData: DicomElement;
  readonly transferSyntax: TransferSyntaxInfo;
  /** Bytes in one native frame; frames of 1-bit data need not start on a byte (see nativeFrameSpan). */
  readonly frameBits: number;
}

/** Why frames cannot be read; `code` is stable where programs need to tell the cases apart. */
export class PixelDataError extends Error {
  override readonly name = 'PixelDataError';
  constructor(message: string, readonly code: string = 'pixel-data-unreadable') {
    super(message);
  }
}

const EXPLICIT_LITTLE: TransferSyntaxInfo = {
  uid: '1.2.840.10008.1.2.1',
  name: 'Explicit VR Little Endian',
  explicitVr: true,
  littleEndian: true,
  deflated: false,
  encapsulated: false,
  known: true,
};

const COLOUR_SAMPLES: Record<string, number> = {
  MONOCHROME1: 1,
  MONOCHROME2: 1,
  'PALETTE COLOR': 1,
  RGB: 3,
  YBR_FULL: 3,
  YBR_FULL_422: 3,
  YBR_PARTIAL_420: 3,
  YBR_PARTIAL_422: 3,
  YBR_ICT: 3,
  YBR_RCT: 3,
};

/**
 * Reads and validates the Image Pixel Module. Throws PixelDataError with a message naming the
 * problem, so the viewer can show it while the header stays browsable.
 */
export function describeImage(file: DicomFile): ImageDescription {
  const ds = file.dataSet;
  const pixelData = findElement(ds, Tags.PixelData);
  if (!pixelData) throw new PixelDataError('The file has no Pixel Data (7FE0,0010).');
  const rows = numberAt(ds, Tags.Rows);
  const columns = numberAt(ds, Tags.Columns);
  if (!rows || !columns) throw new PixelDataError(`Rows or Columns is missing or zero (Rows ${rows ?? 'missing'}, Columns ${columns ?? 'missing'}).`);
  const bitsAllocated = numberAt(ds, Tags.BitsAllocated);
  if (bitsAllocated === undefined) throw new PixelDataError('Bits Allocated (0028,0100) is missing.');
  if (![1, 8, 16, 32].includes(bitsAllocated)) throw new PixelDataError(`Bits Allocated ${bitsAllocated} is not supported (1, 8, 16 or 32).`);
  const bitsStored = numberAt(ds, Tags.BitsStored) ?? bitsAllocated;
  if (bitsStored < 1 || bitsStored > bitsAllocated) {
    throw new PixelDataError(`Bits Stored ${bitsStored} is not between 1 and Bits Allocated ${bitsAllocated}.`);
  }
  const highBit = numberAt(ds, Tags.HighBit) ?? bitsStored - 1;
  const photometric = (stringAt(ds, Tags.PhotometricInterpretation) ?? (numberAt(ds, Tags.SamplesPerPixel) === 3 ? 'RGB' : 'MONOCHROME2')).toUpperCase();
  const expectedSamples = COLOUR_SAMPLES[photometric];
  if (expectedSamples === undefined) throw new PixelDataError(`Photometric Interpretation ${photometric} is not supported.`);
  const samplesPerPixel = numberAt(ds, Tags.SamplesPerPixel) ?? expectedSamples;
  if (samplesPerPixel !== expectedSamples) {
    throw new PixelDataError(`Samples per Pixel ${samplesPerPixel} does not match Photometric Interpretation ${photometric}.`);
  }
  const planar = numberAt(ds, Tags.PlanarConfiguration) ?? 0;
  const frames = numberAt(ds, Tags.NumberOfFrames) ?? 1;
  // A count no file can hold ("1e308") is read as one frame; the reader's issue says so.
  const numberOfFrames = Number.isInteger(frames) && frames >= 1 && frames <= 2 ** 31 - 1 ? frames : 1;
  // YBR_FULL_422 native data stores two luminance samples per chroma pair: 2 samples per pixel.
  const samplesInFrame = photometric === 'YBR_FULL_422' && !file.transferSyntax?.encapsulated ? rows * columns * 2 : rows * columns * samplesPerPixel;
  return {
    rows,
    columns,
    samplesPerPixel,
    photometric,
    planarConfiguration: planar === 1 ? 1 : 0,
    bitsAllocated,
    bitsStored,
    highBit,
    signed: numberAt(ds, Tags.PixelRepresentation) === 1,
    numberOfFrames,
    pixelData,
    transferSyntax: file.transferSyntax ?? EXPLICIT_LITTLE,
    frameBits: samplesInFrame * bitsAllocated,
  };
}

/** Byte range of native frame `index` (0-based); `bitOffset` is non-zero only for 1-bit data. */
export interface NativeFrameSpan {
  readonly offset: number;
  readonly length: number;
  readonly bitOffset: number;
  /** Bytes of the span that lie inside the declared Pixel Data value (less than `length` when it is too short). */
  readonly declaredBytes: number;
}

export function nativeFrameSpan(image: ImageDescription, index: number): NativeFrameSpan {
  checkFrameIndex(image, index);
  const startBit = index * image.frameBits;
  const offset = image.pixelData.valueOffset + Math.floor(startBit / 8);
  const bitOffset = startBit % 8;
  const length = Math.ceil((bitOffset + image.frameBits) / 8);
  const declared = image.pixelData.length;
  const declaredEnd = declared === null ? Infinity : image.pixelData.valueOffset + declared;
  return { offset, length, bitOffset, declaredBytes: Math.max(0, Math.min(length, declaredEnd - offset)) };
}

/** Why a native frame's span is not all there: the declared value is too short for it. */
export function pixelDataTooShort(image: ImageDescription, index: number): PixelDataError {
  return new PixelDataError(
    `Pixel Data is too short for frame ${index + 1}: it needs ${Math.ceil((image.frameBits * image.numberOfFrames) / 8)} bytes ` +
      `(${image.rows} × ${image.columns} × ${image.numberOfFrames} frames × ${image.samplesPerPixel} samples × ${image.bitsAllocated} bits) but has ${image.pixelData.length}.`,
  );
}

export function checkFrameIndex(image: ImageDescription, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= image.numberOfFrames) {
    throw new PixelDataError(`Frame ${index + 1} does not exist; the image has ${image.numberOfFrames} frame(s).`);
  }
}

/**
 * Small images made with the project's fixture writer, one per decode path, for the pixel,
 * display and render tests. Sample values are generated (gradients with a pattern) so every
 * stored value range is exercised, and written in the byte order of the transfer syntax.
 */
import { writeDicom, type ElementSpec, type TransferSyntaxName } from '../fixtures/writer';

export interface ImageSpec {
  readonly rows: number;
  readonly columns: number;
  readonly photometric: string;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  readonly highBit?: number;
  readonly signed?: boolean;
  readonly planar?: 0 | 1;
  readonly frames?: number;
  /** Stored values, in file order (planes one after the other when planar is 1). */
  readonly samples: ArrayLike<number>;
  readonly transferSyntax?: TransferSyntaxName;
  readonly extra?: readonly ElementSpec[];
  /** Pixel data bytes as given (e.g. RLE fragments) instead of encoding `samples`. */
  readonly encapsulatedFrames?: readonly (readonly Uint8Array[])[];
  readonly modality?: string;
}

const SAMPLES: Record<string, number> = { RGB: 3, YBR_FULL: 3, YBR_FULL_422: 3 };

/** Packs stored values into words of `bitsAllocated` bits (1-bit data LSB first), shifted to the high bit. */
export function packSamples(values: ArrayLike<number>, bitsAllocated: number, littleEndian: boolean, shift = 0): Uint8Array {
  if (bitsAllocated === 1) {
    const out = new Uint8Array(Math.ceil(values.length / 8) + (Math.ceil(values.length / 8) % 2));
    for (let i = 0; i < values.length; i++) if (values[i]) out[i >> 3] |= 1 << (i & 7);
    return out;
  }
  const size = bitsAllocated / 8;
  const out = new Uint8Array(values.length * size + ((values.length * size) % 2));
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const word = (values[i] * 2 ** shift) >>> 0; // two's complement for negatives
    if (size === 1) view.setUint8(i, word & 0xff);
    else if (size === 2) view.setUint16(i * 2, word & 0xffff, littleEndian);
    else view.setUint32(i * 4, word, littleEndian);
  }
  return out;
}

export function writeImage(spec: ImageSpec): Uint8Array {
  const ts = spec.transferSyntax ?? 'explicitLittle';
  const littleEndian = ts !== 'explicitBig';
  const spp = SAMPLES[spec.photometric] ?? 1;
  const highBit = spec.highBit ?? spec.bitsStored - 1;
  const shift = highBit - spec.bitsStored + 1;
  // Signed samples with spare bits above the high bit: fill them with the sign, as writers do.
  const elements: ElementSpec[] = [
    { tag: 0x00080060, vr: 'CS', value: spec.modality ?? 'OT' },
    { tag: 0x00280002, vr: 'US', value: [spp] },
    { tag: 0x00280004, vr: 'CS', value: spec.photometric },
    ...(spp > 1 ? [{ tag: 0x00280006, vr: 'US', value: [spec.planar ?? 0] } as ElementSpec] : []),
    ...(spec.frames && spec.frames > 1 ? [{ tag: 0x00280008, vr: 'IS', value: String(spec.frames) } as ElementSpec] : []),
    { tag: 0x00280010, vr: 'US', value: [spec.rows] },
    { tag: 0x00280011, vr: 'US', value: [spec.columns] },
    { tag: 0x00280100, vr: 'US', value: [spec.bitsAllocated] },
    { tag: 0x00280101, vr: 'US', value: [spec.bitsStored] },
    { tag: 0x00280102, vr: 'US', value: [highBit] },
    { tag: 0x00280103, vr: 'US', value: [spec.signed ? 1 : 0] },
    ...(spec.extra ?? []),
  ];
  if (spec.encapsulatedFrames) {
    elements.push({ tag: 0x7fe00010, vr: 'OB', undefinedLength: true, encapsulated: { frames: spec.encapsulatedFrames, basicOffsetTable: true } });
  } else {
    elements.push({ tag: 0x7fe00010, vr: spec.bitsAllocated > 8 ? 'OW' : 'OB', value: packSamples(spec.samples, spec.bitsAllocated, littleEndian, shift) });
  }
  elements.sort((a, b) => a.tag - b.tag);
  return writeDicom(elements, { transferSyntax: ts, sopClassUid: '1.2.840.10008.5.1.4.1.1.7' }).bytes;
}

/** A deterministic pattern over [min, max]: a diagonal gradient with a checker overlay. */
export function pattern(count: number, min: number, max: number, seed = 1): number[] {
  const out: number[] = [];
  const span = max - min;
  for (let i = 0; i < count; i++) {
    const t = ((i * 7919 * seed + (i % 13) * 104729) % 1000) / 999;
    out.push(min + Math.round(t * span));
  }
  return out;
}

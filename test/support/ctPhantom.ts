/**
 * A synthetic multi-frame chest CT (Hounsfield units through Rescale Intercept -1024, Pixel
 * Spacing 0.7 mm) for viewer tests and benchmarks: air around an elliptic body of soft tissue,
 * two lungs, a spine and a ring of ribs, changing a little from frame to frame, with noise
 * from a fixed seed. Written by the project's own DICOM writer, never committed.
 */
import { writeDicom, type ElementSpec } from '../fixtures/writer';

export const PHANTOM_SPACING_MM = 0.7;

/** HU of one pixel of frame `f` at (x, y), image `size` pixels square. */
function phantomHu(x: number, y: number, f: number, frames: number, size: number, noise: number): number {
  const u = (x - size / 2) / (size / 2);
  const v = (y - size / 2) / (size / 2);
  const t = frames > 1 ? f / (frames - 1) : 0;
  if ((u / 0.9) ** 2 + (v / 0.7) ** 2 > 1) return -1000 + noise * 0.2;
  const ring = (u / 0.84) ** 2 + (v / 0.64) ** 2;
  const angle = Math.atan2(v, u);
  if (ring > 0.86 && ring < 0.95 && Math.cos(angle * 12) > 0.3) return 700 + noise;
  if ((u / 0.12) ** 2 + ((v - 0.42) / 0.12) ** 2 < 1) return 600 + noise;
  const lung = 0.3 + 0.08 * Math.sin(t * Math.PI);
  if (((u - 0.4) / lung) ** 2 + ((v + 0.05) / 0.45) ** 2 < 1 || ((u + 0.4) / lung) ** 2 + ((v + 0.05) / 0.45) ** 2 < 1) return -850 + noise * 2;
  if ((u / 0.18) ** 2 + ((v + 0.1) / 0.2) ** 2 < 1) return 45 + noise; // heart
  return 20 + noise;
}

/** The file's bytes: `frames` frames of `size` x `size` 16-bit signed samples, explicit VR little endian. */
export function ctPhantomFile(size: number, frames: number): Uint8Array {
  const pixels = new Int16Array(size * size * frames);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed / 0x7fffffff - 0.5) * 40;
  };
  for (let f = 0; f < frames; f++) {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) pixels[(f * size + y) * size + x] = Math.round(phantomHu(x, y, f, frames, size, noise())) + 1024;
    }
  }
  const elements: ElementSpec[] = [
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x00100010, vr: 'PN', value: 'Phantom^Chest' },
    { tag: 0x00280002, vr: 'US', value: [1] },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280008, vr: 'IS', value: String(frames) },
    { tag: 0x00280010, vr: 'US', value: [size] },
    { tag: 0x00280011, vr: 'US', value: [size] },
    { tag: 0x00280030, vr: 'DS', value: `${PHANTOM_SPACING_MM}\\${PHANTOM_SPACING_MM}` },
    { tag: 0x00280100, vr: 'US', value: [16] },
    { tag: 0x00280101, vr: 'US', value: [16] },
    { tag: 0x00280102, vr: 'US', value: [15] },
    { tag: 0x00280103, vr: 'US', value: [1] },
    { tag: 0x00281052, vr: 'DS', value: '-1024' },
    { tag: 0x00281053, vr: 'DS', value: '1' },
    { tag: 0x00281054, vr: 'LO', value: 'HU' },
    { tag: 0x7fe00010, vr: 'OW', value: new Uint8Array(pixels.buffer) },
  ];
  return writeDicom(elements, { transferSyntax: 'explicitLittle', sopClassUid: '1.2.840.10008.5.1.4.1.1.2' }).bytes;
}

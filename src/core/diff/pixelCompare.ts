import type { OpenedDicom } from '../parse/readDicom';
import { openPixelReader } from '../pixels/readFrame';
import type { PixelComparison } from './types';

/**
 * Compares the decoded pixels of two images whose Pixel Data bytes differ: a file and its
 * losslessly recompressed copy have equal pixels; a lossy copy differs by a measurable amount.
 * Frames are decoded one pair at a time so memory holds two frames, not two images.
 */
export async function compareDecodedPixels(a: OpenedDicom, b: OpenedDicom): Promise<PixelComparison> {
  let readers;
  try {
    readers = await Promise.all([openPixelReader(a.file, a.source), openPixelReader(b.file, b.source)]);
  } catch (problem) {
    return { sameBytes: false, notCompared: (problem as Error).message };
  }
  const [x, y] = readers;
  const shape = (r: typeof x) => `${r.image.numberOfFrames} frame(s) of ${r.image.columns}×${r.image.rows}×${r.image.samplesPerPixel}`;
  if (shape(x) !== shape(y)) return { sameBytes: false, notCompared: `the images differ in size: ${shape(x)} against ${shape(y)}` };
  let samples = 0;
  let differingSamples = 0;
  let maxDifference = 0;
  try {
    for (let frame = 0; frame < x.image.numberOfFrames; frame++) {
      const [p, q] = await Promise.all([x.readFrame(frame), y.readFrame(frame)]);
      if (p.photometric !== q.photometric) {
        return { sameBytes: false, notCompared: `frame ${frame} decodes to ${p.photometric} in one file and ${q.photometric} in the other` };
      }
      samples += p.samples.length;
      for (let i = 0; i < p.samples.length; i++) {
        const difference = Math.abs(p.samples[i] - q.samples[i]);
        if (difference !== 0) {
          differingSamples++;
          if (difference > maxDifference) maxDifference = difference;
        }
      }
    }
  } catch (problem) {
    return { sameBytes: false, notCompared: (problem as Error).message };
  }
  return { sameBytes: false, decoded: { frames: x.image.numberOfFrames, samples, differingSamples, maxDifference } };
}

/**
 * Turns a loaded frame and the user's display choices into what the canvas draws: a table of
 * RGBA words per stored value (the window or equalisation, then the value range mask and the
 * colour map), or RGBA pixels for colour frames and stored ranges too wide for a table.
 * Tables are cached on their inputs, so moving through frames with the same settings reuses them.
 */
import { greyTable, isPlainLook, lookedPixels, lookWords, MAX_LOOK_TABLE, type DisplayLook } from '../../src/core/display/displayLook';
import { GreyscaleTable } from '../../src/core/display/greyscaleTable';
import { modalityKey } from '../../src/core/display/modality';
import { chooseVoi, isGreyscale, renderFrame, tableRange, type RenderChoices } from '../../src/core/display/renderFrame';
import type { LoadedFrame } from './frameStore';
import { toRgbaWords, type PixelSource } from './imageCanvas';

export class PixelSources {
  private readonly table = new GreyscaleTable();
  private lookKey = '';
  private lookTable: Uint32Array = new Uint32Array(0);

  source({ frame, settings }: LoadedFrame, choices: RenderChoices, look: DisplayLook): PixelSource {
    const { width, height } = frame;
    if (!isGreyscale(frame)) {
      const image = renderFrame(frame, settings, { invert: choices.invert });
      return { kind: 'rgba', width, height, words: toRgbaWords(image.data, image.channels, width * height) };
    }
    const range = tableRange(frame);
    const size = range.max - range.min + 1;
    if (size > MAX_LOOK_TABLE) return { kind: 'rgba', width, height, words: lookedPixels(frame, settings, choices, look) };
    const inverted = (frame.photometric === 'MONOCHROME1') !== Boolean(choices.invert);
    if (isPlainLook(look)) {
      const voi = chooseVoi(frame, settings, choices);
      const lut = this.table.rgbaTable(range.min, range.max, { modality: settings.modality, voi, inverted })!;
      return { kind: 'grey', width, height, samples: frame.samples, table: lut.table, first: lut.first };
    }
    const voi = look.equalise ? null : chooseVoi(frame, settings, choices);
    const key = JSON.stringify([range, modalityKey(settings.modality), voi?.kind === 'lut' ? [voi.lut.firstMapped, voi.lut.entries.length, voi.lut.bits, choices.voiLutIndex] : voi, inverted, look]);
    if (key !== this.lookKey) {
      this.lookTable = lookWords(greyTable(frame, settings, choices, look, range.min, size, this.table), range.min, settings.modality, look);
      this.lookKey = key;
    }
    return { kind: 'grey', width, height, samples: frame.samples, table: this.lookTable, first: range.min };
  }
}

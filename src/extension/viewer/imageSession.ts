/**
 * The host side of one viewer: a parsed file prepared for frame reading, and the messages built
 * from it. It never parses: it is given the document's model and the byte source its offsets
 * refer to. Free of `vscode` so it runs in the frame worker and in unit tests alike.
 */
import type { FileAccess } from '../../core/io';
import type { DicomFile } from '../../core/model';
import { numberAt } from '../../core/pixels/elementValues';
import { openPixelReader, type PixelReader, type PixelReaderOptions } from '../../core/pixels/readFrame';
import { colourToRgb8 } from '../../core/pixels/colour';
import { frameDisplaySettings } from '../../core/display/frameDisplaySettings';
import { isGreyscale, renderFrame } from '../../core/display/renderFrame';
import { isPlainLook, lookFromView, renderWithLook } from '../../core/display/displayLook';
import { burnOverlays, overlayPlanes, packBits, readOverlays, type OverlayBitmap } from '../../core/display/overlays';
import { encodePng } from '../../core/png/encodePng';
import type { RenderedImage } from '../../core/display/renderFrame';
import { sampleTypeOf, samplesToBuffer, settingsToView } from '../../shared/frameTransport';
import type { FrameErrorMessage, FrameMessage, ImageInfoMessage, ImageInfoView, RenderChoicesView } from '../../shared/viewerProtocol';

export interface ImageSession {
  readonly info: ImageInfoMessage;
  frameMessage(frame: number): Promise<FrameMessage | FrameErrorMessage>;
  /** PNG bytes of a frame, exactly as `dicom-inspector render` would write them. */
  renderPng(frame: number, choices: RenderChoicesView): Promise<Uint8Array>;
}

function frameRate(file: DicomFile): number | null {
  const recommended = numberAt(file.dataSet, '00082144');
  if (recommended && recommended > 0) return recommended;
  const cine = numberAt(file.dataSet, '00180040');
  if (cine && cine > 0) return cine;
  const frameTime = numberAt(file.dataSet, '00181063');
  return frameTime && frameTime > 0 ? 1000 / frameTime : null;
}

/**
 * Prepares `file` for frame reading from `source` (the file's bytes, or for a deflated file the
 * inflated stream: `openDicom(...).source`). Never throws: a problem becomes the info message's error.
 */
export async function openImageSession(file: DicomFile, source: FileAccess, options: PixelReaderOptions = {}): Promise<ImageSession> {
  let reader: PixelReader;
  try {
    reader = await openPixelReader(file, source, options);
  } catch (error) {
    const info: ImageInfoMessage = { type: 'viewer/image', info: null, error: (error as Error).message };
    const fail = async (): Promise<never> => {
      throw new Error(info.error ?? 'no image');
    };
    return { info, frameMessage: async (frame) => ({ type: 'viewer/frameError', frame, message: info.error ?? '' }), renderPng: fail };
  }
  const image = reader.image;
  const overlays = overlayPlanes(file.dataSet, image);
  // An overlay that cannot be read leaves the frame without it: the image itself still shows.
  const overlaysOf = (frame: number): Promise<OverlayBitmap[]> => readOverlays(overlays, frame, source, image).catch(() => []);
  const view: ImageInfoView = {
    rows: image.rows,
    columns: image.columns,
    numberOfFrames: image.numberOfFrames,
    photometric: image.photometric,
    bitsAllocated: image.bitsAllocated,
    bitsStored: image.bitsStored,
    signed: image.signed,
    transferSyntax: image.transferSyntax.name,
    frameRate: frameRate(file),
    overlayPlanes: overlays.length,
  };
  return {
    info: { type: 'viewer/image', info: view, error: null },
    async frameMessage(frame) {
      try {
        // The viewer draws what a frame cut short holds; Save as PNG and `render` still refuse it.
        const stored = await reader.readFrame(frame, { allowPartial: true });
        const display = settingsToView(await frameDisplaySettings(file, frame, source));
        const grey = stored.photometric === 'MONOCHROME1' || stored.photometric === 'MONOCHROME2';
        // Colour is converted here once, so the webview only ever handles grey values or RGB bytes.
        const samples = grey ? stored.samples : colourToRgb8(stored, reader.palette);
        return {
          type: 'viewer/frame',
          frame,
          width: stored.width,
          height: stored.height,
          photometric: grey ? (stored.photometric as 'MONOCHROME1' | 'MONOCHROME2') : 'RGB',
          samplesPerPixel: grey ? 1 : 3,
          sampleType: sampleTypeOf(samples),
          bitsStored: grey ? stored.bitsStored : 8,
          signed: grey ? stored.signed : false,
          samples: samplesToBuffer(samples),
          display,
          partial: stored.partial ? { completeRows: stored.partial.completeRows, message: stored.partial.message } : null,
          warnings: (stored.warnings ?? []).map(({ code, offset, message }) => ({ code, offset, message })),
          overlays: (await overlaysOf(frame)).map(({ bits, ...placed }) => ({ ...placed, bits: packBits(bits).buffer as ArrayBuffer })),
        };
      } catch (error) {
        return { type: 'viewer/frameError', frame, message: (error as Error).message };
      }
    },
    async renderPng(frame, choices) {
      const stored = await reader.readFrame(frame);
      const settings = await frameDisplaySettings(file, frame, source);
      const { window, voiLutIndex, invert } = choices;
      const renderChoices = { window: window ?? undefined, voiLutIndex: voiLutIndex ?? undefined, invert };
      const look = lookFromView(choices);
      const rendered: RenderedImage = isGreyscale(stored) && !isPlainLook(look) ? renderWithLook(stored, settings, renderChoices, look) : renderFrame(stored, settings, renderChoices, reader.palette);
      if (choices.overlays) burnOverlays(rendered.data, rendered.width, rendered.height, rendered.channels, await overlaysOf(frame));
      return encodePng(rendered);
    },
  };
}

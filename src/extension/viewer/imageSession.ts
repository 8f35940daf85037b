/**
 * The host side of one viewer: the file opened for frame reading, and the messages built from
 * it. Free of `vscode` so it runs in unit tests and in the CLI's process alike.
 */
import type { FileAccess } from '../../core/io';
import type { DicomFile } from '../../core/model';
import { openDicom } from '../../core/parse/readDicom';
import { numberAt } from '../../core/pixels/elementValues';
import { openPixelReader, type PixelReader } from '../../core/pixels/readFrame';
import { colourToRgb8 } from '../../core/pixels/colour';
import { frameDisplaySettings } from '../../core/display/frameDisplaySettings';
import { renderFrame } from '../../core/display/renderFrame';
import { encodePng } from '../../core/png/encodePng';
import { sampleTypeOf, samplesToBuffer, settingsToView } from '../../core/display/transport';
import type { FrameErrorMessage, FrameMessage, ImageInfoMessage, ImageInfoView, RenderChoicesView } from '../../shared/viewerProtocol';

export interface ImageSession {
  readonly info: ImageInfoMessage;
  frameMessage(requestId: number, frame: number): Promise<FrameMessage | FrameErrorMessage>;
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

/** Opens the image for frame reading. Never throws: a problem becomes the info message's error. */
export async function openImageSession(access: FileAccess): Promise<ImageSession> {
  let file: DicomFile;
  let source: FileAccess;
  let reader: PixelReader;
  try {
    ({ file, source } = await openDicom(access));
    reader = await openPixelReader(file, source);
  } catch (error) {
    const info: ImageInfoMessage = { type: 'viewer/image', info: null, error: (error as Error).message };
    const fail = async (): Promise<never> => {
      throw new Error(info.error ?? 'no image');
    };
    return { info, frameMessage: async (requestId, frame) => ({ type: 'viewer/frameError', requestId, frame, message: info.error ?? '' }), renderPng: fail };
  }
  const image = reader.image;
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
  };
  return {
    info: { type: 'viewer/image', info: view, error: null },
    async frameMessage(requestId, frame) {
      try {
        const stored = await reader.readFrame(frame);
        const display = settingsToView(await frameDisplaySettings(file, frame, source));
        const grey = stored.photometric === 'MONOCHROME1' || stored.photometric === 'MONOCHROME2';
        // Colour is converted here once, so the webview only ever handles grey values or RGB bytes.
        const samples = grey ? stored.samples : colourToRgb8(stored, reader.palette);
        return {
          type: 'viewer/frame',
          requestId,
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
        };
      } catch (error) {
        return { type: 'viewer/frameError', requestId, frame, message: (error as Error).message };
      }
    },
    async renderPng(frame, choices) {
      const stored = await reader.readFrame(frame);
      const settings = await frameDisplaySettings(file, frame, source);
      const { window, voiLutIndex, invert } = choices;
      return encodePng(renderFrame(stored, settings, { window: window ?? undefined, voiLutIndex: voiLutIndex ?? undefined, invert }, reader.palette));
    },
  };
}

/**
 * Messages between the frame viewer (webview/viewer) and its host side
 * (src/extension/viewer/frameServer.ts). They are part of the editor's unions (protocol.ts) and
 * travel through its MessageEndpoint, which matches a frame request with its reply; every type
 * starts with "viewer/". Binary data is an ArrayBuffer. Imported by both sides: no `vscode`, no
 * DOM types.
 */

export type SampleType = 'Uint8' | 'Int8' | 'Uint16' | 'Int16' | 'Uint32' | 'Int32';

export interface LutView {
  readonly firstMapped: number;
  readonly bits: number;
  readonly entries: readonly number[];
  readonly explanation?: string;
}

export type ModalityView =
  | { readonly kind: 'rescale'; readonly slope: number; readonly intercept: number; readonly unit: string }
  | { readonly kind: 'lut'; readonly lut: LutView; readonly unit: string };

export interface DisplaySettingsView {
  readonly modality: ModalityView;
  readonly windows: readonly { readonly center: number; readonly width: number; readonly explanation: string }[];
  readonly voiFunction: 'LINEAR' | 'LINEAR_EXACT' | 'SIGMOID';
  readonly voiLuts: readonly LutView[];
  readonly modalityName: string;
  /** Pixel spacing in mm (row, column), from Pixel Spacing or Imager Pixel Spacing; null when unknown. */
  readonly pixelSpacing?: { readonly row: number; readonly column: number; readonly source: 'pixel' | 'imager' } | null;
  /** Stored values that are padding (Pixel Padding Value / Range Limit), left out of min-max and histogram. */
  readonly padding?: { readonly min: number; readonly max: number };
}

export interface ImageInfoView {
  readonly rows: number;
  readonly columns: number;
  readonly numberOfFrames: number;
  readonly photometric: string;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  readonly signed: boolean;
  readonly transferSyntax: string;
  /** Frames per second the file suggests for cine (Recommended Display Frame Rate or Frame Time), or null. */
  readonly frameRate: number | null;
  /** Overlay planes (60xx) the file has that can be drawn; the viewer offers a toggle when above 0. */
  readonly overlayPlanes: number;
}

// ---------- webview -> host ----------

export interface ViewerReadyMessage {
  readonly type: 'viewer/ready';
}

/** A request: answered by a FrameMessage or a FrameErrorMessage. */
export interface FrameRequestMessage {
  readonly type: 'viewer/getFrame';
  /** 0-based frame index. */
  readonly frame: number;
}

/** Save the frame as PNG through the same pipeline as `dicom-inspector render`; answered by a SaveResultMessage. */
export interface SaveFrameMessage extends RenderChoicesView {
  readonly type: 'viewer/saveFrame';
  readonly frame: number;
}

/** How the viewer shows a frame: the user's window, or one of the file's VOI LUTs, or neither (the file's default). */
export interface RenderChoicesView {
  readonly window: { readonly center: number; readonly width: number } | null;
  readonly voiLutIndex: number | null;
  readonly invert: boolean;
  /** Colour map for greyscale frames (a name from src/core/display/colourMaps); absent = gray. */
  readonly colourMap?: string;
  /** Modality value range shown; pixels outside are masked. */
  readonly range?: { readonly min: number; readonly max: number } | null;
  /** Break points of an equalised display, replacing the window. */
  readonly equalise?: readonly number[] | null;
  /** Draw the overlay planes (60xx) over the image, as dcmj2pnm does by default; absent = no. */
  readonly overlays?: boolean;
}

/** Save every frame as PNG (one file per frame, same display), with progress and cancel. */
export interface SaveFramesMessage extends RenderChoicesView {
  readonly type: 'viewer/saveFrames';
}

export type ViewerToHostMessage = ViewerReadyMessage | FrameRequestMessage | SaveFrameMessage | SaveFramesMessage;

// ---------- host -> webview ----------

export interface ImageInfoMessage {
  readonly type: 'viewer/image';
  readonly info: ImageInfoView | null;
  /** Why the frames cannot be shown (unsupported syntax, bad description); the header stays browsable. */
  readonly error: string | null;
}

/** A frame whose bytes end early: rows from `completeRows` on are zeros, and why. */
export interface PartialFrameView {
  readonly completeRows: number;
  readonly message: string;
}

export interface FrameMessage {
  readonly type: 'viewer/frame';
  readonly frame: number;
  readonly width: number;
  readonly height: number;
  /** MONOCHROME1/2 carry stored values; colour frames arrive converted to 8-bit RGB. */
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB';
  readonly samplesPerPixel: 1 | 3;
  readonly sampleType: SampleType;
  readonly bitsStored: number;
  readonly signed: boolean;
  readonly samples: ArrayBuffer;
  readonly display: DisplaySettingsView;
  /** Set when the frame is drawn in part (the file or the Pixel Data value ends inside it). */
  readonly partial: PartialFrameView | null;
  /** What the decoder noticed about the frame's data (codestream and header disagreeing). */
  readonly warnings: readonly FrameWarningView[];
  /** The overlay planes that go with this frame (empty when none). */
  readonly overlays: readonly OverlayView[];
}

/** One overlay plane of a frame: rows x columns bits packed least significant first, placed at top/left (0-based image pixels). */
export interface OverlayView {
  readonly group: number;
  readonly rows: number;
  readonly columns: number;
  readonly top: number;
  readonly left: number;
  readonly bits: ArrayBuffer;
}

export interface FrameWarningView {
  readonly code: string;
  readonly offset: number | null;
  readonly message: string;
}

export interface FrameErrorMessage {
  readonly type: 'viewer/frameError';
  readonly frame: number;
  readonly message: string;
}

export interface SaveResultMessage {
  readonly type: 'viewer/saved';
  /** Where the PNG went, or null when cancelled. */
  readonly path: string | null;
  readonly error: string | null;
}

export type HostToViewerMessage = ImageInfoMessage | FrameMessage | FrameErrorMessage | SaveResultMessage;

// ---------- validation of what the webview sends ----------

const isFrameIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const MAX_BREAKS = 4098;

/** The optional look fields of a save request (only those sent), checked; null when one is malformed. */
function parseLook(m: Record<string, unknown>): Pick<RenderChoicesView, 'colourMap' | 'range' | 'equalise'> | null {
  const look: { colourMap?: string; range?: { min: number; max: number } | null; equalise?: number[] | null } = {};
  if (m.colourMap !== undefined) {
    if (typeof m.colourMap !== 'string' || m.colourMap.length > 32) return null;
    look.colourMap = m.colourMap;
  }
  if (m.range !== undefined) {
    const r = m.range as Record<string, unknown> | null;
    if (r !== null && (typeof r !== 'object' || !isFiniteNumber(r.min) || !isFiniteNumber(r.max) || r.min > r.max)) return null;
    look.range = r === null ? null : { min: r.min as number, max: r.max as number };
  }
  if (m.equalise !== undefined) {
    const e = m.equalise;
    if (e !== null && (!Array.isArray(e) || e.length > MAX_BREAKS || !e.every(isFiniteNumber))) return null;
    look.equalise = e === null ? null : [...(e as number[])];
  }
  return look;
}

/** The message as a ViewerToHostMessage when it is one, with every field checked; else null. */
export function parseViewerMessage(raw: unknown): ViewerToHostMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'viewer/ready':
      return { type: 'viewer/ready' };
    case 'viewer/getFrame':
      return isFrameIndex(m.frame) ? { type: 'viewer/getFrame', frame: m.frame } : null;
    case 'viewer/saveFrames':
    case 'viewer/saveFrame': {
      if ((m.type === 'viewer/saveFrame' && !isFrameIndex(m.frame)) || typeof m.invert !== 'boolean') return null;
      const w = m.window as Record<string, unknown> | null;
      if (w !== null && (typeof w !== 'object' || !isFiniteNumber(w.center) || !isFiniteNumber(w.width))) return null;
      const lut = m.voiLutIndex ?? null;
      if (lut !== null && !isFrameIndex(lut)) return null;
      const look = parseLook(m);
      if (!look) return null;
      const choices = { invert: m.invert, voiLutIndex: lut, window: w === null ? null : { center: w.center as number, width: w.width as number }, ...look };
      return m.type === 'viewer/saveFrames' ? { type: 'viewer/saveFrames', ...choices } : { type: 'viewer/saveFrame', frame: m.frame as number, ...choices };
    }
    default:
      return null;
  }
}

const HOST_TO_VIEWER_TYPES: ReadonlySet<string> = new Set<HostToViewerMessage['type']>(['viewer/image', 'viewer/frame', 'viewer/frameError', 'viewer/saved']);

/** The message as a HostToViewerMessage when its type is one (the host is trusted; this keeps stray messages out). */
export function parseHostToViewerMessage(raw: unknown): HostToViewerMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const type = (raw as { type?: unknown }).type;
  return typeof type === 'string' && HOST_TO_VIEWER_TYPES.has(type) ? (raw as HostToViewerMessage) : null;
}

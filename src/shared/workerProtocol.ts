/**
 * Messages between the frame server (extension host) and its worker threads, which decode
 * frames off the host's event loop. A worker never opens or parses a file: the host sends a
 * document's parsed model once (`open`), and the worker asks the host for the byte ranges it
 * needs (`read`), which the host serves from the document's one file access (the inflated
 * stream for a deflated file). One worker serves several images (a series stack steps through
 * many files), each named by the number `image` the host gave it when opening it. Bodies travel
 * in MessageEndpoint envelopes; bytes as ArrayBuffer.
 */
import type { DicomFile } from '../core/model';
import type { FrameErrorMessage, FrameMessage, ImageInfoMessage, RenderChoicesView } from './viewerProtocol';

// ---------- host -> worker ----------

/** Request: answered by the image information (`viewer/image`, with an error when there is no image). */
export interface OpenImageRequest {
  readonly type: 'open';
  readonly image: number;
  readonly file: DicomFile;
  /** Size of the byte source the model's offsets refer to. */
  readonly sourceSize: number;
  /** Memory one frame's decode may take, in MiB (the dicomInspector.decodeLimitMiB setting). */
  readonly decodeLimitMiB: number;
}

/** Request: answered by `viewer/frame` or `viewer/frameError`. */
export interface DecodeFrameRequest {
  readonly type: 'frame';
  readonly image: number;
  readonly frame: number;
}

/** Request: answered by `png` or `failed`. */
export interface RenderPngRequest {
  readonly type: 'renderPng';
  readonly image: number;
  readonly frame: number;
  readonly choices: RenderChoicesView;
}

/** Notification: the image is no longer shown; the worker forgets it. */
export interface CloseImageRequest {
  readonly type: 'close';
  readonly image: number;
}

/** Reply to the worker's `read`. */
export interface BytesReply {
  readonly type: 'bytes';
  readonly bytes: ArrayBuffer;
}

export type HostToWorkerMessage = OpenImageRequest | DecodeFrameRequest | RenderPngRequest | CloseImageRequest | BytesReply | FailedReply;

// ---------- worker -> host ----------

/** Request: up to `length` bytes of the source from `offset` (fewer only at its end). */
export interface ReadBytesRequest {
  readonly type: 'read';
  readonly image: number;
  readonly offset: number;
  readonly length: number;
}

export interface PngReply {
  readonly type: 'png';
  readonly png: ArrayBuffer;
}

/** A request could not be answered; `message` says why. */
export interface FailedReply {
  readonly type: 'failed';
  readonly message: string;
}

export type WorkerToHostMessage = ReadBytesRequest | ImageInfoMessage | FrameMessage | FrameErrorMessage | PngReply | FailedReply;

/** Both ends are our own code in one process, so a type check is all the validation needed. */
export function parseWorkerMessage<T extends { readonly type: string }>(raw: unknown): T | null {
  return typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string' ? (raw as T) : null;
}

/** The ArrayBuffers a message carries, so they move between threads instead of being copied. */
export function transferablesOf(message: HostToWorkerMessage | WorkerToHostMessage): ArrayBuffer[] {
  switch (message.type) {
    case 'bytes':
      return [message.bytes];
    case 'png':
      return [message.png];
    case 'viewer/frame':
      return [message.samples];
    default:
      return [];
  }
}

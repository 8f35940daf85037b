import type { FrameErrorMessage, FrameMessage, ImageInfoMessage, RenderChoicesView } from '../../shared/viewerProtocol';

/** Requests from the frame server to its worker thread, each answered once by `id`. */
export type WorkerRequest =
  | { readonly id: number; readonly kind: 'info' }
  | { readonly id: number; readonly kind: 'frame'; readonly requestId: number; readonly frame: number }
  | { readonly id: number; readonly kind: 'png'; readonly frame: number; readonly choices: RenderChoicesView };

export interface WorkerReply {
  readonly id: number;
  readonly info?: ImageInfoMessage;
  readonly frame?: FrameMessage | FrameErrorMessage;
  readonly png?: Uint8Array;
  readonly error?: string;
}

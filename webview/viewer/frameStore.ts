/**
 * Frames fetched from the host, kept in a small cache bounded by bytes so a 1 GB multi-frame
 * file never fills the webview's memory. Neighbouring frames are prefetched so stepping and
 * cine do not wait for the round trip.
 */
import type { FrameDisplaySettings } from '../../src/core/display/frameDisplaySettings';
import { samplesFromBuffer, settingsFromView } from '../../src/core/display/transport';
import type { StoredFrame } from '../../src/core/pixels/storedFrame';
import type { FrameErrorMessage, FrameMessage } from '../../src/shared/viewerProtocol';

export interface LoadedFrame {
  readonly index: number;
  readonly frame: StoredFrame;
  readonly settings: FrameDisplaySettings;
}

interface Pending {
  readonly index: number;
  readonly promise: Promise<LoadedFrame>;
  resolve(f: LoadedFrame): void;
  reject(e: Error): void;
}

const DEFAULT_BUDGET_BYTES = 96 * 1024 * 1024;

export class FrameStore {
  private readonly cache = new Map<number, LoadedFrame>(); // insertion order = least recently used first
  private readonly pending = new Map<number, Pending>(); // by request id
  private readonly pendingByFrame = new Map<number, Pending>();
  private nextRequest = 1;
  private bytes = 0;

  constructor(private readonly post: (message: { type: string; [k: string]: unknown }) => void, private readonly budget = DEFAULT_BUDGET_BYTES) {}

  get(index: number): Promise<LoadedFrame> {
    const hit = this.cache.get(index);
    if (hit) {
      this.cache.delete(index);
      this.cache.set(index, hit);
      return Promise.resolve(hit);
    }
    const waiting = this.pendingByFrame.get(index);
    if (waiting) return waiting.promise;
    const requestId = this.nextRequest++;
    let resolve!: (f: LoadedFrame) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<LoadedFrame>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const entry: Pending = { index, promise, resolve, reject };
    this.pending.set(requestId, entry);
    this.pendingByFrame.set(index, entry);
    this.post({ type: 'viewer/getFrame', requestId, frame: index });
    return promise;
  }

  /** Starts loading frames without waiting; failures are ignored here and reported when shown. */
  prefetch(indices: readonly number[]): void {
    for (const i of indices) if (!this.cache.has(i)) this.get(i).catch(() => undefined);
  }

  has(index: number): boolean {
    return this.cache.has(index);
  }

  /** Handles a host reply; returns true when the message was for this store. */
  receive(message: FrameMessage | FrameErrorMessage): boolean {
    const entry = this.pending.get(message.requestId);
    if (!entry) return false;
    this.pending.delete(message.requestId);
    this.pendingByFrame.delete(entry.index);
    if (message.type === 'viewer/frameError') {
      entry.reject(new Error(message.message));
      return true;
    }
    const loaded: LoadedFrame = {
      index: message.frame,
      frame: {
        width: message.width,
        height: message.height,
        samplesPerPixel: message.samplesPerPixel,
        photometric: message.photometric,
        bitsStored: message.bitsStored,
        signed: message.signed,
        samples: samplesFromBuffer(message.sampleType, message.samples),
      },
      settings: settingsFromView(message.display),
    };
    this.remember(loaded);
    entry.resolve(loaded);
    return true;
  }

  private remember(loaded: LoadedFrame): void {
    const size = loaded.frame.samples.byteLength;
    this.cache.set(loaded.index, loaded);
    this.bytes += size;
    for (const [i, f] of this.cache) {
      if (this.bytes <= this.budget || this.cache.size <= 1) break;
      if (i === loaded.index) continue;
      this.cache.delete(i);
      this.bytes -= f.frame.samples.byteLength;
    }
  }

  clear(): void {
    this.cache.clear();
    this.bytes = 0;
  }
}

/**
 * Frames fetched from the host, kept in a small cache bounded by bytes so a 1 GB multi-frame
 * file never fills the webview's memory. Neighbouring frames are prefetched so stepping and
 * cine do not wait for the round trip.
 */
import type { FrameDisplaySettings } from '../../src/core/display/frameDisplaySettings';
import { unpackBits, type OverlayBitmap } from '../../src/core/display/overlays';
import { samplesFromBuffer, settingsFromView } from '../../src/shared/frameTransport';
import type { StoredFrame } from '../../src/core/pixels/storedFrame';
import type { FrameErrorMessage, FrameMessage, PartialFrameView } from '../../src/shared/viewerProtocol';
import type { ViewerPort } from './viewerPort';

export interface LoadedFrame {
  readonly index: number;
  readonly frame: StoredFrame;
  readonly settings: FrameDisplaySettings;
  /** Set when the frame's bytes end early: rows from `completeRows` on are not in the file. */
  readonly partial: PartialFrameView | null;
  /** The overlay planes (60xx) that go with this frame. */
  readonly overlays: readonly OverlayBitmap[];
}

const DEFAULT_BUDGET_BYTES = 96 * 1024 * 1024;

export class FrameStore {
  private readonly cache = new Map<number, LoadedFrame>(); // insertion order = least recently used first
  /** Frames asked for and not back yet: a second ask for one waits for the same reply. */
  private readonly pending = new Map<number, Promise<LoadedFrame>>();
  /** Bumped by clear(): replies to requests made before it are not cached. */
  private generation = 0;
  private bytes = 0;

  constructor(private readonly port: ViewerPort, private readonly budget = DEFAULT_BUDGET_BYTES) {}

  get(index: number): Promise<LoadedFrame> {
    const hit = this.cache.get(index);
    if (hit) {
      this.cache.delete(index);
      this.cache.set(index, hit);
      return Promise.resolve(hit);
    }
    const waiting = this.pending.get(index);
    if (waiting) return waiting;
    const generation = this.generation;
    const loading = this.port.request<FrameMessage | FrameErrorMessage>({ type: 'viewer/getFrame', frame: index }).then((reply) => {
      if (reply.type === 'viewer/frameError') throw new Error(reply.message);
      const loaded = loadedFrame(reply);
      if (generation === this.generation) this.remember(loaded);
      return loaded;
    });
    const settled = (): void => {
      if (this.pending.get(index) === loading) this.pending.delete(index);
    };
    loading.then(settled, settled);
    this.pending.set(index, loading);
    return loading;
  }

  /** Starts loading frames without waiting; failures are ignored here and reported when shown. */
  prefetch(indices: readonly number[]): void {
    for (const i of indices) if (!this.cache.has(i)) this.get(i).catch(() => undefined);
  }

  has(index: number): boolean {
    return this.cache.has(index);
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

  /** Forgets every frame (the file changed on disk); requests still out are not cached. */
  clear(): void {
    this.cache.clear();
    this.pending.clear();
    this.generation++;
    this.bytes = 0;
  }
}

function loadedFrame(message: FrameMessage): LoadedFrame {
  return {
    index: message.frame,
    frame: {
      width: message.width,
      height: message.height,
      samplesPerPixel: message.samplesPerPixel,
      photometric: message.photometric,
      bitsStored: message.bitsStored,
      signed: message.signed,
      samples: samplesFromBuffer(message.sampleType, message.samples),
      warnings: message.warnings.map((w) => ({ ...w, severity: 'warning' as const })),
    },
    settings: settingsFromView(message.display),
    partial: message.partial,
    overlays: (message.overlays ?? []).map(({ bits, ...placed }) => ({ ...placed, bits: unpackBits(new Uint8Array(bits), 0, placed.rows * placed.columns) })),
  };
}

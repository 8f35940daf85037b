/**
 * ImageSessions whose decoding happens in worker threads (frameWorker.ts). A worker gets each
 * document's parsed model and reads bytes by asking this side, which serves them from the
 * document's file access: every file is opened and parsed once, by its document.
 *
 * Workers are few and shared: a series stack steps through hundreds of files, and starting a
 * worker (loading the bundled decoders) costs far more than decoding one slice. Each new image
 * goes to the least busy of at most WORKERS_AT_MOST workers; a worker with no image left stops.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileAccess } from '../../core/io';
import type { DicomFile } from '../../core/model';
import { plainFile } from '../../core/values/plainElements';
import { MessageEndpoint } from '../../shared/messageEndpoint';
import type { FrameErrorMessage, FrameMessage, ImageInfoMessage } from '../../shared/viewerProtocol';
import { parseWorkerMessage, transferablesOf, type FailedReply, type HostToWorkerMessage, type PngReply, type WorkerToHostMessage } from '../../shared/workerProtocol';
import type { ImageSession } from './imageSession';
import { DEFAULT_DECODE_LIMIT_MIB } from '../../core/pixels/decodeBudget';
import type { PixelReaderOptions } from '../../core/pixels/readFrame';

/** Two cores' worth: decoding of two files runs side by side; more would only queue on the CPU. */
const WORKERS_AT_MOST = 2;

/** dist/frameWorker.js beside the bundled extension (dist/extension.js). */
export function frameWorkerScript(): string | undefined {
  const script = path.join(__dirname, 'frameWorker.js');
  return existsSync(script) ? script : undefined;
}

export interface WorkerSession extends ImageSession {
  /** Forgets the image in its worker (the worker stops when it has no image left). */
  terminate(): Promise<void>;
}

/** One worker thread and the byte sources of the images open in it. */
class FrameWorker {
  private readonly worker: Worker;
  readonly endpoint: MessageEndpoint<HostToWorkerMessage, WorkerToHostMessage>;
  readonly sources = new Map<number, FileAccess>();
  stopped = false;

  constructor(script: string, private readonly onStop: (worker: FrameWorker) => void) {
    this.worker = new Worker(script);
    this.worker.unref(); // never keeps the extension host alive on shutdown
    this.endpoint = new MessageEndpoint<HostToWorkerMessage, WorkerToHostMessage>({
      post: (envelope, transfer) => this.worker.postMessage(envelope, transfer),
      parse: parseWorkerMessage<WorkerToHostMessage>,
      transferOf: transferablesOf,
      answer: async (message): Promise<HostToWorkerMessage | undefined> => {
        if (message.type !== 'read') return undefined;
        const source = this.sources.get(message.image);
        if (!source) return { type: 'failed', message: 'the image was closed' };
        try {
          // A copy: the source may be a view into bytes the document keeps (whole-file or inflated reads).
          const bytes = await source.read(message.offset, message.length);
          return { type: 'bytes', bytes: bytes.slice().buffer };
        } catch (error) {
          return { type: 'failed', message: (error as Error).message };
        }
      },
    });
    this.worker.on('message', (raw: unknown) => this.endpoint.receive(raw));
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the frame worker stopped (exit code ${code})`)));
  }

  /** Forgets an image; the last one stops the worker. */
  async close(image: number): Promise<void> {
    if (!this.sources.delete(image) || this.stopped) return;
    if (this.sources.size > 0) return this.endpoint.notify({ type: 'close', image });
    this.stop(new Error('the frame worker has no image left'));
    await this.worker.terminate();
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    this.endpoint.close(reason);
    this.onStop(this);
  }
}

const workers = new Set<FrameWorker>();
let nextImage = 1;

/** The least busy running worker, or a new one while there are fewer than WORKERS_AT_MOST. */
function workerFor(script: string): FrameWorker {
  const running = [...workers].filter((worker) => !worker.stopped);
  if (running.length < WORKERS_AT_MOST) {
    const started = new FrameWorker(script, (stopped) => workers.delete(stopped));
    workers.add(started);
    return started;
  }
  return running.reduce((least, worker) => (worker.sources.size < least.sources.size ? worker : least));
}

export async function openWorkerSession(script: string, file: DicomFile, source: FileAccess, options: PixelReaderOptions = {}): Promise<WorkerSession> {
  const worker = workerFor(script);
  const image = nextImage++;
  worker.sources.set(image, source);
  const { endpoint } = worker;
  let info: ImageInfoMessage | FailedReply;
  try {
    // A structured clone sees only own fields, not the getters of the reader's elements.
    info = await endpoint.request<ImageInfoMessage | FailedReply>({ type: 'open', image, file: plainFile(file), sourceSize: await source.size(), decodeLimitMiB: options.decodeLimitMiB ?? DEFAULT_DECODE_LIMIT_MIB });
  } catch (error) {
    await worker.close(image);
    throw error;
  }
  if (info.type === 'failed') {
    await worker.close(image);
    throw new Error(info.message);
  }
  return {
    info,
    frameMessage: (frame) => endpoint.request<FrameMessage | FrameErrorMessage | FailedReply>({ type: 'frame', image, frame }).then(
      (reply) => (reply.type === 'failed' ? { type: 'viewer/frameError', frame, message: reply.message } : reply),
      (error: Error) => ({ type: 'viewer/frameError', frame, message: error.message }),
    ),
    async renderPng(frame, choices) {
      const reply = await endpoint.request<PngReply | FailedReply>({ type: 'renderPng', image, frame, choices });
      if (reply.type === 'failed') throw new Error(reply.message);
      return new Uint8Array(reply.png);
    },
    terminate: () => worker.close(image),
  };
}

/**
 * An ImageSession whose decoding happens in a worker thread (frameWorker.ts). The worker gets
 * the document's parsed model and reads bytes by asking this side, which serves them from the
 * document's file access: the file is opened and parsed once, by the document.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileAccess } from '../../core/io';
import type { DicomFile } from '../../core/model';
import { MessageEndpoint } from '../../shared/messageEndpoint';
import type { FrameErrorMessage, FrameMessage, ImageInfoMessage } from '../../shared/viewerProtocol';
import { parseWorkerMessage, transferablesOf, type FailedReply, type HostToWorkerMessage, type PngReply, type WorkerToHostMessage } from '../../shared/workerProtocol';
import type { ImageSession } from './imageSession';
import { DEFAULT_DECODE_LIMIT_MIB } from '../../core/pixels/decodeBudget';
import type { PixelReaderOptions } from '../../core/pixels/readFrame';

/** dist/frameWorker.js beside the bundled extension (dist/extension.js). */
export function frameWorkerScript(): string | undefined {
  const script = path.join(__dirname, 'frameWorker.js');
  return existsSync(script) ? script : undefined;
}

export interface WorkerSession extends ImageSession {
  terminate(): Promise<void>;
}

export async function openWorkerSession(script: string, file: DicomFile, source: FileAccess, options: PixelReaderOptions = {}): Promise<WorkerSession> {
  const worker = new Worker(script);
  worker.unref(); // never keeps the extension host alive on shutdown
  const endpoint = new MessageEndpoint<HostToWorkerMessage, WorkerToHostMessage>({
    post: (envelope, transfer) => worker.postMessage(envelope, transfer),
    parse: parseWorkerMessage<WorkerToHostMessage>,
    transferOf: transferablesOf,
    answer: async (message): Promise<HostToWorkerMessage | undefined> => {
      if (message.type !== 'read') return undefined;
      try {
        // A copy: the source may be a view into bytes the document keeps (whole-file or inflated reads).
        const bytes = await source.read(message.offset, message.length);
        return { type: 'bytes', bytes: bytes.slice().buffer };
      } catch (error) {
        return { type: 'failed', message: (error as Error).message };
      }
    },
  });
  worker.on('message', (raw: unknown) => endpoint.receive(raw));
  worker.on('error', (error) => endpoint.close(error));
  worker.on('exit', (code) => endpoint.close(new Error(`the frame worker stopped (exit code ${code})`)));
  const info = await endpoint.request<ImageInfoMessage | FailedReply>({ type: 'open', file, sourceSize: await source.size(), decodeLimitMiB: options.decodeLimitMiB ?? DEFAULT_DECODE_LIMIT_MIB });
  if (info.type === 'failed') throw new Error(info.message);
  return {
    info,
    frameMessage: (frame) => endpoint.request<FrameMessage | FrameErrorMessage | FailedReply>({ type: 'frame', frame }).then(
      (reply) => (reply.type === 'failed' ? { type: 'viewer/frameError', frame, message: reply.message } : reply),
      (error: Error) => ({ type: 'viewer/frameError', frame, message: error.message }),
    ),
    async renderPng(frame, choices) {
      const reply = await endpoint.request<PngReply | FailedReply>({ type: 'renderPng', frame, choices });
      if (reply.type === 'failed') throw new Error(reply.message);
      return new Uint8Array(reply.png);
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
}

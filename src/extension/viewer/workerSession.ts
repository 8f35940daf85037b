/**
 * An ImageSession whose reading and decoding happen in a worker thread (frameWorker.ts).
 * Used for local files; the worker opens the file itself by path and reads it by byte range.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImageSession } from './imageSession';
import type { WorkerReply, WorkerRequest } from './workerMessages';

/** dist/frameWorker.js beside the bundled extension (dist/extension.js). */
export function frameWorkerScript(): string | undefined {
  const script = path.join(__dirname, 'frameWorker.js');
  return existsSync(script) ? script : undefined;
}

type Pending = { resolve(r: WorkerReply): void; reject(e: Error): void };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface WorkerSession extends ImageSession {
  terminate(): Promise<void>;
}

export async function openWorkerSession(script: string, filePath: string): Promise<WorkerSession> {
  const worker = new Worker(script, { workerData: { path: filePath } });
  worker.unref(); // never keeps the extension host alive on shutdown
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: WorkerReply) => {
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the frame worker stopped (exit code ${code})`)));
  const ask = (body: RequestBody): Promise<WorkerReply> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...body, id });
    });
  const first = await ask({ kind: 'info' });
  if (!first.info) throw new Error(first.error ?? 'the frame worker gave no image information');
  return {
    info: first.info,
    async frameMessage(requestId, frame) {
      const reply = await ask({ kind: 'frame', requestId, frame });
      return reply.frame ?? { type: 'viewer/frameError', requestId, frame, message: reply.error ?? 'no frame' };
    },
    async renderPng(frame, choices) {
      const reply = await ask({ kind: 'png', frame, choices });
      if (!reply.png) throw new Error(reply.error ?? 'no PNG');
      return reply.png;
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
}

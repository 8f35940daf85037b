/**
 * Worker thread that reads and decodes frames for the viewer, so decoding (RLE, and the
 * compressed syntaxes' codecs) never blocks the extension host's event loop, which every
 * extension shares. Bundled as dist/frameWorker.js; started by workerSession.ts per file.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { serveCodecWasmFrom } from '../../node/codecWasm';
import { openFileAccess } from '../../node/fileAccess';
import { openImageSession, type ImageSession } from './imageSession';
import type { WorkerReply, WorkerRequest } from './workerMessages';

const port = parentPort;
if (!port) throw new Error('frameWorker.ts runs as a worker thread only');

// Bundled as dist/frameWorker.js: the codecs' WebAssembly is in dist/wasm (see scripts/bundle.js).
serveCodecWasmFrom(join(__dirname, 'wasm'));

const session: Promise<ImageSession> = openFileAccess((workerData as { path: string }).path).then(openImageSession);

port.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const s = await session;
    if (request.kind === 'info') {
      reply = { id: request.id, info: s.info };
    } else if (request.kind === 'frame') {
      const message = await s.frameMessage(request.requestId, request.frame);
      // The samples move to the host thread without a copy.
      port.postMessage({ id: request.id, frame: message } satisfies WorkerReply, message.type === 'viewer/frame' ? [message.samples] : []);
      return;
    } else {
      const png = await s.renderPng(request.frame, request.choices);
      reply = { id: request.id, png };
    }
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  port.postMessage(reply);
});

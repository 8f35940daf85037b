/**
 * Worker thread that decodes frames for the viewer, so decoding (RLE, and the compressed
 * syntaxes' codecs) never blocks the extension host's event loop, which every extension shares.
 * It neither opens nor parses the file: the host sends the document's model, and every byte
 * range is asked of the host (see src/shared/workerProtocol.ts). Bundled as dist/frameWorker.js;
 * started by workerSession.ts, and serves every image the host opens in it.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { FileAccess } from '../../core/io';
import { serveCodecWasmFrom } from '../../node/codecWasm';
import { MessageEndpoint } from '../../shared/messageEndpoint';
import { parseWorkerMessage, transferablesOf, type BytesReply, type FailedReply, type HostToWorkerMessage, type WorkerToHostMessage } from '../../shared/workerProtocol';
import { openImageSession, type ImageSession } from './imageSession';

const port = parentPort;
if (!port) throw new Error('frameWorker.ts runs as a worker thread only');

// Bundled as dist/frameWorker.js: the codecs' WebAssembly is in dist/wasm (see scripts/bundle.js).
serveCodecWasmFrom(join(__dirname, 'wasm'));

const sessions = new Map<number, Promise<ImageSession>>();

const host = new MessageEndpoint<WorkerToHostMessage, HostToWorkerMessage>({
  post: (envelope, transfer) => port.postMessage(envelope, transfer),
  parse: parseWorkerMessage<HostToWorkerMessage>,
  transferOf: transferablesOf,
  // Every request gets a reply, a failure included, so the host never waits for nothing.
  answer: (message) => answer(message).catch((error: unknown): WorkerToHostMessage => ({ type: 'failed', message: (error as Error).message })),
});
port.on('message', (raw: unknown) => host.receive(raw));

async function answer(message: HostToWorkerMessage): Promise<WorkerToHostMessage | undefined> {
  switch (message.type) {
    case 'open': {
      const session = openImageSession(message.file, remoteSource(message.image, message.sourceSize), { decodeLimitMiB: message.decodeLimitMiB });
      sessions.set(message.image, session);
      return (await session).info;
    }
    case 'frame':
      return (await opened(message.image)).frameMessage(message.frame);
    case 'renderPng': {
      const png = await (await opened(message.image)).renderPng(message.frame, message.choices);
      return { type: 'png', png: png.slice().buffer };
    }
    case 'close':
      sessions.delete(message.image);
      return undefined;
    default:
      return undefined;
  }
}

function opened(image: number): Promise<ImageSession> {
  const session = sessions.get(image);
  if (!session) throw new Error('the frame worker was asked for a frame of an image it has not opened');
  return session;
}

/** The document's bytes, read through the host by range. */
function remoteSource(image: number, size: number): FileAccess {
  return {
    size: async () => size,
    read: async (offset, length) => {
      const reply = await host.request<BytesReply | FailedReply>({ type: 'read', image, offset, length });
      if (reply.type === 'failed') throw new Error(reply.message);
      return new Uint8Array(reply.bytes);
    },
  };
}

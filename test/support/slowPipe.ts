import { Writable } from 'node:stream';

/** A stdout that takes 1 KiB at a time and answers late, so a CLI writing to it must wait for 'drain'. */
export function slowPipe(): { stream: Writable; text: () => string; waits: () => number } {
  const chunks: Buffer[] = [];
  let waits = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  stream.on('drain', () => waits++);
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), waits: () => waits };
}

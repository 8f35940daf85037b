/**
 * The one request/reply matcher: replies find their request by id whatever the order, bodies
 * that fail validation never reach the handler, and a closed channel rejects what waits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageEndpoint, type Envelope } from '../../src/shared/messageEndpoint';

type Ask = { readonly type: 'double'; readonly value: number } | { readonly type: 'note'; readonly text: string };
type Answer = { readonly type: 'doubled'; readonly value: number };

/** Two endpoints wired back to back, each delivering on a later turn as postMessage does. */
function pair(answerDouble: (value: number) => Promise<number>) {
  const notes: string[] = [];
  const posted: Envelope<unknown>[] = [];
  const client: MessageEndpoint<Ask, Answer> = new MessageEndpoint<Ask, Answer>({
    post: (envelope) => {
      posted.push(envelope);
      setTimeout(() => server.receive(envelope), 0);
    },
    parse: (body) => ((body as Answer)?.type === 'doubled' ? (body as Answer) : null),
    answer: () => undefined,
  });
  const server: MessageEndpoint<Answer, Ask> = new MessageEndpoint<Answer, Ask>({
    post: (envelope) => setTimeout(() => client.receive(envelope), 0),
    parse: (body) => {
      const b = body as Ask;
      if (b?.type === 'double' && Number.isFinite(b.value)) return b;
      if (b?.type === 'note' && typeof b.text === 'string') return b;
      return null;
    },
    answer: async (message) => {
      if (message.type === 'note') {
        notes.push(message.text);
        return undefined;
      }
      return { type: 'doubled', value: await answerDouble(message.value) };
    },
  });
  return { client, server, notes, posted };
}

test('replies are matched to their requests by id, even when they come back out of order', async () => {
  const { client } = pair((value) => new Promise((resolve) => setTimeout(() => resolve(value * 2), value === 1 ? 30 : 0)));
  const [slow, fast] = await Promise.all([client.request({ type: 'double', value: 1 }), client.request({ type: 'double', value: 5 })]);
  assert.deepEqual(slow, { type: 'doubled', value: 2 });
  assert.deepEqual(fast, { type: 'doubled', value: 10 });
});

test('notifications reach the handler and get no reply; invalid bodies and non-envelopes are dropped', async () => {
  const { client, server, notes, posted } = pair(async (value) => value * 2);
  client.notify({ type: 'note', text: 'hello' });
  server.receive({ messageId: 9, body: { type: 'double', value: 'x' } });
  server.receive({ type: 'note', text: 'not in an envelope' });
  server.receive({ messageId: 'a', body: { type: 'note', text: 'bad id' } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(notes, ['hello']);
  assert.equal(posted.length, 1);
  assert.equal(posted[0].inReplyTo, undefined);
});

test('a reply to no pending request is ignored, and closing rejects what still waits', async () => {
  const { client } = pair(() => new Promise(() => undefined));
  client.receive({ messageId: 1, inReplyTo: 999, body: { type: 'doubled', value: 1 } });
  const waiting = client.request({ type: 'double', value: 3 });
  client.close(new Error('gone'));
  await assert.rejects(waiting, /gone/);
  await assert.rejects(client.request({ type: 'double', value: 4 }), /gone/);
});

test('buffers named by transferOf go with the envelope', () => {
  const buffer = new ArrayBuffer(8);
  const sent: ArrayBuffer[][] = [];
  const endpoint = new MessageEndpoint<{ type: 'bytes'; bytes: ArrayBuffer }, never>({
    post: (_envelope, transfer) => sent.push(transfer),
    parse: () => null,
    answer: () => undefined,
    transferOf: (body) => [body.bytes],
  });
  endpoint.notify({ type: 'bytes', bytes: buffer });
  assert.deepEqual(sent, [[buffer]]);
});

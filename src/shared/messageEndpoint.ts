/**
 * One end of a postMessage channel (webview ↔ host, host ↔ worker), shaped after
 * vscode-hexeditor's `MessageHandler`: every body travels in an envelope with a message id;
 * a reply names the id it answers. Matching replies to requests happens here and nowhere else.
 *
 * Incoming envelopes are checked and their bodies go through the caller's `parse` before
 * anything else sees them, so an endpoint facing a webview validates every message it gets.
 * Free of `vscode`, DOM and Node types: it runs in the extension host, the webview and a worker.
 */

export interface Envelope<T> {
  readonly messageId: number;
  /** Set on replies: the `messageId` of the request answered. */
  readonly inReplyTo?: number;
  readonly body: T;
}

export interface EndpointOptions<TOut, TIn> {
  /** Sends an envelope; `transfer` lists ArrayBuffers that may move instead of being copied. */
  readonly post: (envelope: Envelope<TOut>, transfer: ArrayBuffer[]) => void;
  /** The body when it is one of TIn with every field valid, else null (then it is dropped). */
  readonly parse: (body: unknown) => TIn | null;
  /** Answers a request or handles a notification; a returned body is sent back as the reply. */
  readonly answer: (message: TIn) => TOut | undefined | void | Promise<TOut | undefined | void>;
  /** ArrayBuffers of an outgoing body to transfer rather than copy (worker side). */
  readonly transferOf?: (body: TOut) => ArrayBuffer[];
  /** Told when `answer` throws, so a failing handler never breaks the channel. */
  readonly onError?: (error: unknown) => void;
}

interface Pending<TIn> {
  resolve(body: TIn): void;
  reject(error: Error): void;
}

function isEnvelope(raw: unknown): raw is Envelope<unknown> {
  if (typeof raw !== 'object' || raw === null) return false;
  const { messageId, inReplyTo } = raw as Record<string, unknown>;
  return Number.isSafeInteger(messageId) && (inReplyTo === undefined || Number.isSafeInteger(inReplyTo));
}

export class MessageEndpoint<TOut, TIn> {
  /**
   * Ids start at a random point: a webview is rebuilt when its hidden tab is shown again, and a
   * late reply meant for the page before must not match a request of the new one.
   */
  private nextId = 1 + Math.floor(Math.random() * 2 ** 40);
  private readonly pending = new Map<number, Pending<TIn>>();
  private closedBecause: Error | undefined;

  constructor(private readonly options: EndpointOptions<TOut, TIn>) {}

  /** Sends a message that expects no reply. */
  notify(body: TOut): void {
    this.send(body);
  }

  /** Sends a request; resolves with the reply's body, rejects when the channel closes first. */
  request<TReply extends TIn = TIn>(body: TOut): Promise<TReply> {
    if (this.closedBecause) return Promise.reject(this.closedBecause);
    return new Promise<TReply>((resolve, reject) => {
      const id = this.send(body);
      this.pending.set(id, { resolve: resolve as (body: TIn) => void, reject });
    });
  }

  /** Feeds a raw incoming message (from `onmessage`, `onDidReceiveMessage`, a worker port). */
  receive(raw: unknown): void {
    if (!isEnvelope(raw)) return;
    const body = this.options.parse(raw.body);
    if (body === null) return;
    if (raw.inReplyTo !== undefined) {
      const waiting = this.pending.get(raw.inReplyTo);
      this.pending.delete(raw.inReplyTo);
      waiting?.resolve(body);
      return;
    }
    Promise.resolve()
      .then(() => this.options.answer(body))
      .then((reply) => {
        if (reply !== undefined && !this.closedBecause) this.send(reply, raw.messageId);
      })
      .catch((error: unknown) => this.options.onError?.(error));
  }

  /** Rejects every request still waiting (the other side went away) and refuses new ones. */
  close(reason: Error): void {
    this.closedBecause = reason;
    for (const waiting of this.pending.values()) waiting.reject(reason);
    this.pending.clear();
  }

  private send(body: TOut, inReplyTo?: number): number {
    const messageId = this.nextId++;
    const envelope: Envelope<TOut> = inReplyTo === undefined ? { messageId, body } : { messageId, inReplyTo, body };
    this.options.post(envelope, this.options.transferOf?.(body) ?? []);
    return messageId;
  }
}

/**
 * Text made in many small pieces and handed on in chunks of about 64 KiB. The dumps of a file of
 * millions of nodes append their pieces here and yield a chunk each time one is full, so the
 * reader of the dump (the CLI's stdout) gets few large strings, nothing holds the whole output,
 * and no generator is resumed once per line or per JSON field.
 */
export const CHUNK_CHARS = 64 * 1024;

export class ChunkedText {
  /** The chunk being filled. */
  text = '';

  /** True when the chunk should be handed on before more is added. */
  get full(): boolean {
    return this.text.length >= CHUNK_CHARS;
  }

  /** The chunk made so far; the next one starts empty. */
  take(): string {
    const chunk = this.text;
    this.text = '';
    return chunk;
  }
}

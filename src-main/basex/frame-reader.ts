import { ESCAPE, TERMINATOR } from './protocol.js';

/**
 * Reads the server's byte stream as whole protocol tokens.
 *
 * Socket chunks are kept as Buffers until a token's terminator arrives, so a multi-byte UTF-8
 * character split across two TCP chunks is never decoded in halves (the npm `basex` package's
 * bug). A token in progress keeps its scan position, so a multi-megabyte result is scanned once.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  /** Read position inside chunks[0]. */
  private offset = 0;
  /** Pieces of the token being scanned, already unescaped. */
  private pieces: Buffer[] = [];
  /** The previous chunk ended on an escape byte: the next byte is literal. */
  private escapePending = false;
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  /** Feeds a chunk received from the socket. */
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.notify();
  }

  /** Ends the stream: every pending and later read rejects with this error. */
  fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  /** One status or type byte. */
  async byte(): Promise<number> {
    for (;;) {
      const head = this.chunks[0];
      if (head !== undefined) {
        const value = head[this.offset];
        this.advance(1);
        return value;
      }
      await this.more();
    }
  }

  /** A `\0`-terminated token; `escaped` tokens (results, input) unescape `\xFF` sequences. */
  async token(escaped: boolean): Promise<Buffer> {
    for (;;) {
      const done = escaped ? this.scanEscaped() : this.scanRaw();
      if (done) {
        const token = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces);
        this.pieces = [];
        return token;
      }
      await this.more();
    }
  }

  /** A token decoded as UTF-8 — always a whole token, never a chunk. */
  async string(escaped: boolean): Promise<string> {
    return (await this.token(escaped)).toString('utf8');
  }

  private scanRaw(): boolean {
    while (this.chunks.length > 0) {
      const head = this.chunks[0];
      const end = head.indexOf(TERMINATOR, this.offset);
      if (end >= 0) {
        this.pieces.push(head.subarray(this.offset, end));
        this.advance(end - this.offset + 1);
        return true;
      }
      this.pieces.push(head.subarray(this.offset));
      this.advance(head.length - this.offset);
    }
    return false;
  }

  private scanEscaped(): boolean {
    while (this.chunks.length > 0) {
      const head = this.chunks[0];
      if (this.escapePending) {
        this.pieces.push(head.subarray(this.offset, this.offset + 1));
        this.escapePending = false;
        this.advance(1);
        continue;
      }
      const special = nextSpecial(head, this.offset);
      if (special < 0) {
        this.pieces.push(head.subarray(this.offset));
        this.advance(head.length - this.offset);
        continue;
      }
      if (special > this.offset) this.pieces.push(head.subarray(this.offset, special));
      const isEnd = head[special] === TERMINATOR;
      this.advance(special - this.offset + 1);
      if (isEnd) return true;
      this.escapePending = true;
    }
    return false;
  }

  private advance(count: number): void {
    this.offset += count;
    const head = this.chunks[0];
    if (head !== undefined && this.offset >= head.length) {
      this.chunks.shift();
      this.offset = 0;
    }
  }

  private more(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

function nextSpecial(chunk: Buffer, from: number): number {
  const zero = chunk.indexOf(TERMINATOR, from);
  const escape = chunk.indexOf(ESCAPE, from);
  if (zero < 0) return escape;
  if (escape < 0) return zero;
  return Math.min(zero, escape);
}

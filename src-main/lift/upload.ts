import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Queryable } from '../basex/queryable.js';

/** How a file ends its lines, so export can write the same. */
export type Newline = 'lf' | 'crlf';

const CHUNK_BYTES = 256 * 1024;
/** Base timeout of one upload, plus a second per 2 MB: BaseX parses as the bytes arrive. */
const BASE_TIMEOUT_MS = 120_000;
const MS_PER_MB = 500;

/**
 * Where an upload goes: a new database made from the file (`create`), or a document added to
 * the opened database (`add`).
 */
export type UploadTarget = { readonly create: string } | { readonly add: string };

/**
 * Streams `file` into BaseX; never holds it whole in memory.
 *
 * The bytes go through a generator that counts them for progress (called per chunk) and counts
 * line ends (CRLF vs LF) on the way, which costs nothing extra and spares reading the file twice.
 */
export async function uploadFile(
  session: Queryable,
  target: UploadTarget,
  file: string,
  size: number,
  onBytes: (sent: number) => void,
): Promise<Newline> {
  const counter = new LineEndCounter();
  async function* counted(): AsyncGenerator<Buffer> {
    let sent = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
      const bytes = chunk as Buffer;
      counter.push(bytes);
      yield bytes;
      sent += bytes.length;
      onBytes(sent);
    }
  }
  const input = Readable.from(counted());
  const options = { timeoutMs: BASE_TIMEOUT_MS + (size / 1_048_576) * MS_PER_MB };
  await ('create' in target ? session.create(target.create, input, options) : session.add(target.add, input, options));
  return counter.newline;
}

/** Counts LF and CR LF line ends across chunk boundaries. */
class LineEndCounter {
  private lf = 0;
  private crlf = 0;
  private lastByte = -1;

  push(bytes: Buffer): void {
    for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) {
      const before = at > 0 ? bytes[at - 1] : this.lastByte;
      if (before === 0x0d) this.crlf++;
      else this.lf++;
    }
    if (bytes.length > 0) this.lastByte = bytes[bytes.length - 1];
  }

  /** CRLF when most line ends are CRLF (a mixed file cannot be reproduced byte for byte anyway). */
  get newline(): Newline {
    return this.crlf > this.lf ? 'crlf' : 'lf';
  }
}

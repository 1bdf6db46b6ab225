/**
 * The BaseX server protocol: opcodes and the byte-level framing.
 *
 * Written from the documented protocol (docs.basex.org, "Server Protocol") and checked against
 * BaseX 9.7. Strings the client sends are UTF-8 followed by `\0`. Results the server sends, and
 * input streams the client sends (CREATE/ADD), escape `\0` and `\xFF` with a
 * preceding `\xFF`, so binary content survives. Info and error strings are not escaped.
 */

/** Opcodes of the query and input commands. A database command has no opcode: it is `{text}\0`. */
export const Opcode = {
  /** Register a query: `\0{query}\0` → `{id}\0` then status. */
  QUERY: 0x00,
  /** Unregister a query: `\2{id}\0` → `\0` then status. */
  CLOSE: 0x02,
  /** Bind an external variable: `\3{id}\0{name}\0{value}\0{type}\0` → `\0` then status. */
  BIND: 0x03,
  /** All items of a query: `\4{id}\0` → `{type}{item}\0`… `\0` then status. */
  RESULTS: 0x04,
  /** The serialized result of a query: `\5{id}\0` → `{result}\0` then status. */
  EXECUTE: 0x05,
  /** Query profiling info: `\6{id}\0` → `{info}\0` then status. */
  INFO: 0x06,
  /** Create a database from a stream: `\8{name}\0{input}\0` → `{info}\0` then status. */
  CREATE: 0x08,
  /** Add a document to the opened database: `\9{path}\0{input}\0` → `{info}\0` then status. */
  ADD: 0x09,
} as const;

/** The byte that ends every string and result. */
export const TERMINATOR = 0x00;
/** The byte that escapes a following `\0` or `\xFF` inside results and input streams. */
export const ESCAPE = 0xff;
/** Status byte: success. Anything else is an error followed by its message. */
export const STATUS_OK = 0x00;

/** A client string: UTF-8 bytes and the terminator. */
export function encodeString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const framed = Buffer.allocUnsafe(bytes.length + 1);
  bytes.copy(framed);
  framed[bytes.length] = TERMINATOR;
  return framed;
}

/** One request: an optional opcode followed by terminated strings. */
export function encodeRequest(opcode: number | undefined, ...strings: string[]): Buffer {
  const parts = strings.map(encodeString);
  if (opcode !== undefined) parts.unshift(Buffer.of(opcode));
  return Buffer.concat(parts);
}

/** Escapes `\0` and `\xFF` in a chunk of an input stream. */
export function escapeInput(chunk: Buffer): Buffer {
  let specials = 0;
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i];
    if (b === TERMINATOR || b === ESCAPE) specials++;
  }
  if (specials === 0) return chunk;
  const out = Buffer.allocUnsafe(chunk.length + specials);
  let o = 0;
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i];
    if (b === TERMINATOR || b === ESCAPE) out[o++] = ESCAPE;
    out[o++] = b;
  }
  return out;
}

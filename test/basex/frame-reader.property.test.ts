import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameReader } from '../../src-main/basex/frame-reader.js';
import { escapeInput } from '../../src-main/basex/protocol.js';

/**
 * The frame reader against random chunk boundaries: however TCP cuts the server's stream —
 * inside a 2-, 3- or 4-byte UTF-8 character, between an escape byte and the `\0` or `\xFF` it
 * escapes, on a terminator — what is read is what the unsplit stream gives.
 */

/** What a server response is made of, read the way the session reads it. */
type Frame =
  /** A status or type byte: `byte()`. */
  | { readonly kind: 'byte'; readonly value: number }
  /** A result item or query id, escaped on the wire, read as text: `string(true)`. */
  | { readonly kind: 'item'; readonly text: string }
  /** An escaped token of any bytes (`\0` and `\xFF` included): `token(true)`. */
  | { readonly kind: 'binary'; readonly bytes: Buffer }
  /** An info or error string, not escaped (so never holding `\0`): `string(false)`. */
  | { readonly kind: 'info'; readonly text: string };

/** Buffers as hex, so a failure shows which bytes differ. */
type Read = number | string | { readonly hex: string };

/** The server's escaping, written out here independently of the code under test. */
function serverEscape(bytes: Buffer): Buffer {
  const out: number[] = [];
  for (const b of bytes) {
    if (b === 0x00 || b === 0xff) out.push(0xff);
    out.push(b);
  }
  return Buffer.from(out);
}

function encode(frames: readonly Frame[]): Buffer {
  return Buffer.concat(
    frames.map((frame) => {
      switch (frame.kind) {
        case 'byte':
          return Buffer.of(frame.value);
        case 'item':
          return Buffer.concat([serverEscape(Buffer.from(frame.text, 'utf8')), Buffer.of(0)]);
        case 'binary':
          return Buffer.concat([serverEscape(frame.bytes), Buffer.of(0)]);
        case 'info':
          return Buffer.concat([Buffer.from(frame.text, 'utf8'), Buffer.of(0)]);
      }
    }),
  );
}

function expected(frames: readonly Frame[]): Read[] {
  return frames.map((frame) => (frame.kind === 'byte' ? frame.value : frame.kind === 'binary' ? { hex: frame.bytes.toString('hex') } : frame.text));
}

/** The stream cut at `cuts` (sorted, inside the stream). */
function split(stream: Buffer, cuts: readonly number[]): Buffer[] {
  const bounds = [0, ...cuts, stream.length];
  return bounds.slice(1).map((end, i) => stream.subarray(bounds[i], end));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Feeds `chunks` to a reader while reading `frames` from it. Where `pauses[i]` is true the
 * reader gets a turn after chunk i, so it reads up to the cut and waits for more in the middle
 * of a token; elsewhere the next chunk is already queued when it gets there.
 */
async function readBack(frames: readonly Frame[], chunks: readonly Buffer[], pauses: readonly boolean[] = []): Promise<Read[]> {
  const reader = new FrameReader();
  const reading = (async () => {
    const out: Read[] = [];
    for (const frame of frames) {
      if (frame.kind === 'byte') out.push(await reader.byte());
      else if (frame.kind === 'item') out.push(await reader.string(true));
      else if (frame.kind === 'binary') out.push({ hex: (await reader.token(true)).toString('hex') });
      else out.push(await reader.string(false));
    }
    return out;
  })();
  for (const [i, chunk] of chunks.entries()) {
    reader.push(chunk);
    if (pauses[i]) await nextTurn();
  }
  // Everything is sent: a reader that still wants more has lost bytes, and fails instead of hanging.
  reader.fail(new Error('the stream ended before every frame was read'));
  return reading;
}

/** Characters of every UTF-8 length, with the ones whose encodings hold 0xC3 0xBF (ÿ) and 0xEF 0xBF 0xBD (U+FFFD). */
const character = fc.constantFrom('a', '\u0000', 'é', 'ÿ', 'ß', '中', '€', '\uFFFD', '𝄞', '😀', '𐍈');
const text = fc.array(fc.oneof(character, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 10 }).map((parts) => parts.join(''));
/** The bytes the protocol escapes, alone and side by side. */
const special = fc.constantFrom(Buffer.of(0x00), Buffer.of(0xff), Buffer.of(0xff, 0xff), Buffer.of(0xff, 0x00), Buffer.of(0x00, 0xff), Buffer.of(0x00, 0x00));
const bytes = fc.array(fc.oneof(text.map((t) => Buffer.from(t, 'utf8')), special, fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b))), { maxLength: 10 }).map((parts) => Buffer.concat(parts));

const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((value) => ({ kind: 'byte' as const, value })),
  text.map((t) => ({ kind: 'item' as const, text: t })),
  bytes.map((b) => ({ kind: 'binary' as const, bytes: b })),
  text.map((t) => ({ kind: 'info' as const, text: t.replaceAll('\u0000', '') })),
);

/** Frames, and cuts of their stream with a pause choice per chunk. */
const scenario = fc.array(frame, { minLength: 1, maxLength: 12 }).chain((frames) => {
  const length = encode(frames).length;
  return fc.record({
    frames: fc.constant(frames),
    cuts: length > 1 ? fc.uniqueArray(fc.integer({ min: 1, max: length - 1 }), { maxLength: Math.min(length - 1, 40) }).map((c) => c.sort((a, b) => a - b)) : fc.constant([]),
    pauses: fc.array(fc.boolean(), { maxLength: 41 }),
  });
});

/**
 * A response with one of each hard case: a UTF-8 character of every length, escaped `\0` and
 * `\xFF` next to each other and at the ends of a token, an empty token, and info text.
 */
const FIXED: readonly Frame[] = [
  { kind: 'byte', value: 1 },
  { kind: 'item', text: 'aé中𝄞z' },
  { kind: 'byte', value: 0xff },
  { kind: 'binary', bytes: Buffer.of(0xff, 0x00, 0x41, 0x00, 0xff, 0xff, 0xc3) },
  { kind: 'item', text: '' },
  { kind: 'binary', bytes: Buffer.concat([Buffer.from('ÿ𝄞', 'utf8'), Buffer.of(0x00)]) },
  { kind: 'byte', value: 0 },
  { kind: 'info', text: 'Query: 中 𝄞 ÿ done' },
  { kind: 'byte', value: 0 },
];

describe('FrameReader with random chunk boundaries', () => {
  it('reads the hard cases right from the unsplit stream', async () => {
    expect(await readBack(FIXED, [encode(FIXED)])).toEqual(expected(FIXED));
  });

  it('reads the same at every single cut, waiting at the cut or not', async () => {
    const stream = encode(FIXED);
    const whole = expected(FIXED);
    for (let cut = 1; cut < stream.length; cut++) {
      const chunks = split(stream, [cut]);
      expect(await readBack(FIXED, chunks), `cut at ${cut}`).toEqual(whole);
      expect(await readBack(FIXED, chunks, [true]), `cut at ${cut}, waiting`).toEqual(whole);
    }
  });

  it('reads the same at every pair of cuts', async () => {
    const stream = encode(FIXED);
    const whole = expected(FIXED);
    for (let first = 1; first < stream.length; first++) {
      for (let second = first + 1; second < stream.length; second++) {
        expect(await readBack(FIXED, split(stream, [first, second]), [first % 2 === 0, true]), `cuts at ${first}, ${second}`).toEqual(whole);
      }
    }
  });

  it('reads the same fed one byte at a time', async () => {
    const stream = encode(FIXED);
    const cuts = Array.from({ length: stream.length - 1 }, (_, i) => i + 1);
    expect(await readBack(FIXED, split(stream, cuts), cuts.map((i) => i % 3 === 0))).toEqual(expected(FIXED));
  });

  it('reads any response the same however it is cut', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ frames, cuts, pauses }) => {
        const stream = encode(frames);
        const whole = await readBack(frames, [stream]);
        expect(whole).toEqual(expected(frames));
        expect(await readBack(frames, split(stream, cuts), pauses)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back input escaped chunk by chunk (as a streamed input is) however it is cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bytes, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 6 }), async (pieces, pauses) => {
        const whole = Buffer.concat(pieces);
        const escaped = Buffer.concat(pieces.map((piece) => escapeInput(piece)));
        expect(escaped.equals(serverEscape(whole))).toBe(true);
        const frames: Frame[] = [{ kind: 'binary', bytes: whole }];
        expect(await readBack(frames, [...pieces.map((piece) => escapeInput(piece)), Buffer.of(0)].filter((c) => c.length > 0), pauses)).toEqual(expected(frames));
      }),
      { numRuns: 200 },
    );
  });
});

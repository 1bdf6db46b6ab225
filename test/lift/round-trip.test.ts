import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { LiftError } from '../../src-main/lift/errors.js';
import { exportLift } from '../../src-main/lift/export.js';
import { importLift } from '../../src-main/lift/import.js';
import { writeSyntheticLift } from '../../scripts/lift-generator.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { sharedLiftFiles } from '../helpers/shared-lift.js';
import { canonicalFile } from './canonical-xml.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

let session: BaseXSession;
let dir: string;

beforeAll(async () => {
  session = await connectTestSession({ timeoutMs: 300_000 });
  dir = mkdtempSync(join(tmpdir(), 'wb-roundtrip-'));
});

afterAll(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Imports `file`, exports it to `out`, and drops the database. */
async function roundTrip(file: string, out: string): Promise<{ rangesFile?: string; entries: number }> {
  const database = uniqueName('roundtrip');
  try {
    const imported = await importLift(session, file, { database });
    const exported = await exportLift(session, database, out);
    expect(exported.entries).toBe(imported.entries);
    expect(exported.rangesFile !== undefined).toBe(imported.ranges);
    return exported;
  } finally {
    await session.command(`DROP DB ${database}`);
  }
}

/** Compares two large strings, reporting the first difference instead of both whole strings. */
function expectSameText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const context = (text: string): string => JSON.stringify(text.slice(Math.max(0, at - 60), at + 60));
  expect.fail(`${what} differs at character ${at}:\n  exported ${context(actual)}\n  original ${context(expected)}`);
}

describe('export after import', () => {
  for (const shared of sharedLiftFiles()) {
    it(`gives back ${shared.name} (and its ranges) with equal canonical XML`, async () => {
      const out = join(dir, shared.name, 'exported.lift');
      mkdirSync(join(dir, shared.name));
      const exported = await roundTrip(shared.lift, out);
      expectSameText(canonicalFile(out), canonicalFile(shared.lift), `${shared.name} C14N`);
      if (shared.ranges) {
        expect(exported.rangesFile).toBe(join(dir, shared.name, 'exported.lift-ranges'));
        const ranges = join(dir, shared.name, 'exported.lift-ranges');
        expectSameText(canonicalFile(ranges), canonicalFile(shared.ranges), `${shared.name} ranges C14N`);
      }
      expect(readdirSync(join(dir, shared.name)).sort()).toEqual(shared.ranges ? ['exported.lift', 'exported.lift-ranges'] : ['exported.lift']);
    });
  }

  it("keeps biatah's BOM, declaration and blank lines before the root", async () => {
    const original = sharedLiftFiles().find((f) => f.name === 'biatah');
    if (!original) throw new Error('biatah is missing from the shared LIFT files');
    const out = join(dir, 'biatah.lift');
    await roundTrip(original.lift, out);
    // Up to the root's name: whitespace inside its start tag (`<lift\n\tversion=`) is not kept.
    const head = (file: string): string => readFileSync(file, 'latin1').split('<lift')[0];
    expect(head(out)).toBe('\xEF\xBB\xBF<?xml version="1.0" encoding="utf-8"?>\n\n\n\n\n\n');
    expect(head(out)).toBe(head(original.lift));
  });

  it("keeps Sena's CRLF line ends", async () => {
    const original = sharedLiftFiles().find((f) => f.name === 'Sena');
    if (!original) throw new Error('Sena is missing from the shared LIFT files');
    const out = join(dir, 'sena-crlf.lift');
    await roundTrip(original.lift, out);
    const text = readFileSync(out, 'latin1');
    expect(text.match(/(?<!\r)\n/g)).toBeNull();
    expect(text.slice(0, 45)).toBe(readFileSync(original.lift, 'latin1').slice(0, 45));
    expect(text.endsWith('</lift>\r\n')).toBe(true);
  });

  it('gives back the sample dictionary byte for byte', async () => {
    const out = join(dir, 'sample-copy.lift');
    const exported = await roundTrip(SAMPLE, out);
    expect(readFileSync(out).equals(readFileSync(SAMPLE))).toBe(true);
    expect(readFileSync(exported.rangesFile ?? '').equals(readFileSync(SAMPLE.replace(/\.lift$/, '.lift-ranges')))).toBe(true);
  });

  it('gives back a synthetic dictionary byte for byte', async () => {
    const file = join(dir, 'synthetic.lift');
    await writeSyntheticLift(file, { entries: 3_000, seed: 11 });
    const out = join(dir, 'synthetic-copy.lift');
    await roundTrip(file, out);
    expect(readFileSync(out).equals(readFileSync(file))).toBe(true);
  });

  it('keeps namespaces, processing instructions, CDATA text and a file without declaration', async () => {
    const file = join(dir, 'odd.lift');
    const text =
      '<?xml-stylesheet href="lift.css"?>\n<lift xmlns:x="urn:example" version="0.13">\n' +
      '<entry guid="1"><x:extra x:kind="a&amp;b">&lt;kept&gt;<![CDATA[<cdata> & ]]></x:extra><?note keep me?></entry>\n</lift>';
    writeFileSync(file, text);
    const out = join(dir, 'odd-copy.lift');
    await roundTrip(file, out);
    expectSameText(canonicalFile(out), canonicalFile(file), 'odd.lift C14N');
    const start = '<?xml-stylesheet href="lift.css"?>\n<lift xmlns:x="urn:example" version="0.13">\n';
    expect(readFileSync(out, 'utf8').startsWith(start)).toBe(true);
  });

  it('reports a missing output folder as NotFound', async () => {
    const database = uniqueName('nofolder');
    await importLift(session, SAMPLE, { database });
    try {
      const error: unknown = await exportLift(session, database, join(dir, 'no-such-folder', 'x.lift')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LiftError);
      expect((error as LiftError).message).toMatch(/no-such-folder does not exist/);
    } finally {
      await session.command(`DROP DB ${database}`);
    }
  });

  it('reports an unknown dictionary as NotFound and writes nothing', async () => {
    const out = join(dir, 'none', 'missing.lift');
    const error: unknown = await exportLift(session, uniqueName('missing'), out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiftError);
    expect((error as LiftError).code).toBe('NotFound');
  });
});

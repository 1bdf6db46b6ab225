import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '../../src-main/domain/checks.js';
import { uniqueName } from '../helpers/basex.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';

const work = mkdtempSync(join(tmpdir(), 'wb-check-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cli = (...args: string[]): Promise<CliRun> => runCli(work, ...args);

interface Checked {
  rules: { rule: string; count: number; guids: string[]; note?: string }[];
  glossLangs: { langs: string[]; source: string };
}

/** `workset-browser check` as another tool runs it: its --json shape, and exit 0 with problems found. */
describe('workset-browser check', () => {
  const db = uniqueName('check_cli');

  it('prints each rule with its count and guids, exits 0 although Sena has problems, and keeps --require-gloss', async () => {
    expect((await cli('import', join(SHARED_LIFT, 'Sena/Sena.lift'), '--db', db)).code).toBe(0);
    const run = await cli('check', db, '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const checked = JSON.parse(run.stdout) as Checked;
    expect(checked.rules.map((r) => r.rule)).toEqual([...BUILT_IN_RULES]);
    for (const r of checked.rules) {
      expect(r).toEqual(expect.objectContaining({ rule: expect.any(String), count: r.guids.length, guids: expect.any(Array) }));
    }
    expect(checked.rules.find((r) => r.rule === 'missing-gloss')?.count).toBe(9);
    expect(checked.glossLangs).toEqual({ langs: ['en', 'pt'], source: 'most-used' });

    const required = await cli('check', db, '--require-gloss', 'en');
    expect(required).toMatchObject({ code: 0, stderr: '' });
    const lines = required.stdout.trim().split('\n');
    expect(lines).toHaveLength(BUILT_IN_RULES.length);
    expect(lines[0]).toBe('missing-gloss: 0 — checked en (required)');
    expect(lines[1]).toBe('pos-not-in-ranges: 2');
    // Kept on the server: the next run checks en alone without being told.
    expect((JSON.parse((await cli('check', db, '--json')).stdout) as Checked).glossLangs).toEqual({ langs: ['en'], source: 'required' });
  });

  it('says in words that a dictionary does not exist (exit 1)', async () => {
    const run = await cli('check', 'no_such_dictionary', '--json');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('workset-browser: there is no dictionary "no_such_dictionary"\n');
  });
});

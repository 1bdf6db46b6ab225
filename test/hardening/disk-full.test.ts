import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { exportLift } from '../../src-main/lift/export.js';
import { importLift } from '../../src-main/lift/import.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';

/** A full disk is a small tmpfs: mounting one needs root, which CI and a fresh Debian machine as root have. */
const isRoot = process.getuid?.() === 0;
const disk = mkdtempSync(join(tmpdir(), 'wb-full-disk-'));
let session: BaseXSession;
const db = uniqueName('fulldisk');

beforeAll(async () => {
  if (!isRoot) return;
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]);
  session = await connectTestSession();
  await importLift(session, join(SHARED_LIFT, 'Sena/Sena.lift'), { database: db });
});
afterAll(async () => {
  if (!isRoot) return;
  await dropDictionary(session, db);
  await session.close();
  execFileSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

it.skipIf(!isRoot)('exporting to a full disk fails clearly and leaves no file, whole or partial (needs root to mount a tmpfs)', async () => {
  const failure = await exportLift(session, db, join(disk, 'Sena.lift')).then(
    () => undefined,
    (error: unknown) => error as Error & { code?: string },
  );
  expect(failure?.message).toMatch(/no space|ENOSPC|full/i);
  expect(failure?.message).not.toContain('\n');
  expect(readdirSync(disk)).toEqual([]);
});

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices, type AppServices } from '../../src-main/app-services.js';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { ExportResult, ImportResult } from '../../src-main/domain/dictionaries.js';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/browser-host.js';
import { META_DOC } from '../../src-main/lift/database-names.js';
import { exportLift } from '../../src-main/lift/export.js';
import { importLift } from '../../src-main/lift/import.js';
import { connectTestSession, testServerUrl, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { HostWindow } from '../helpers/host-window.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';
import { canonicalFile } from '../lift/canonical-xml.js';

/**
 * The browser host's import takes a .lift with its .lift-ranges (two uploads), stores the
 * ranges as the CLI's import does, and its export hands both back in one .zip — on Sena, a
 * real FLEx export with 24 ranges, read in place from ../shared/lift.
 */
const SENA = join(SHARED_LIFT, 'Sena', 'Sena.lift');
const SENA_RANGES = join(SHARED_LIFT, 'Sena', 'Sena.lift-ranges');
const CHUNK_BYTES = 3 * 1024 * 1024;

const folder = mkdtempSync(join(tmpdir(), 'wb-ranges-upload-'));
const created: string[] = [];
let services: AppServices;
let host: BrowserHost;
let session: BaseXSession;
let window: HostWindow;

beforeAll(async () => {
  mkdirSync(join(folder, 'renderer'));
  writeFileSync(join(folder, 'renderer', 'index.html'), '<!doctype html><title>test</title>');
  services = await startServices({ dataFolder: join(folder, 'data'), basexUrl: testServerUrl(), platform: 'browser', shell: { openWindow: async () => ({ opened: false, url: 'x' }) } });
  host = await startBrowserHost({ rendererRoot: join(folder, 'renderer'), table: services.table, attachWindow: services.attachWindow });
  session = await connectTestSession({ timeoutMs: 300_000 });
  window = await HostWindow.open(host);
});

afterAll(async () => {
  await window?.close();
  for (const name of created) await dropDictionary(session, name).catch(() => undefined);
  await session?.close();
  await host?.close();
  await services?.close();
  rmSync(folder, { recursive: true, force: true });
});

function database(prefix: string): string {
  const name = uniqueName(prefix);
  created.push(name);
  return name;
}

/** Sends a file as the renderer does (src-renderer/api/upload.ts): begin, then base64 chunks. */
async function upload(file: string, fileName = file.split('/').pop() ?? file): Promise<string> {
  const bytes = readFileSync(file);
  const begun = await window.call('uploads.begin', { fileName, size: bytes.length });
  if (!begun.ok) throw new Error(begun.error.message);
  const { uploadId } = begun.value as { uploadId: string };
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const sent = await window.call('uploads.chunk', { uploadId, base64: bytes.subarray(offset, offset + CHUNK_BYTES).toString('base64') });
    if (!sent.ok) throw new Error(sent.error.message);
  }
  return uploadId;
}

async function imported(args: Record<string, unknown>): Promise<ImportResult> {
  const result = await window.call('dictionaries.import', args);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ImportResult;
}

async function exported(name: string): Promise<ExportResult> {
  const result = await window.call('dictionaries.export', { database: name });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ExportResult;
}

function download(path: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** meta.xml of a database without the time it was imported: what says how its files were stored. */
async function storedLayout(name: string): Promise<string> {
  const meta = await session.execute(`declare variable $db external; db:open($db, '${META_DOC}')`, { db: name });
  return meta.replace(/ imported="[^"]*"/, '');
}

describe('browser host: a .lift with its .lift-ranges', () => {
  const name = database('sena_host');

  it('imports both uploads, says how many ranges came, and stores them as the CLI import does', async () => {
    const result = await imported({ uploadId: await upload(SENA), rangesUploadId: await upload(SENA_RANGES), database: name });
    expect(result).toEqual({ database: name, entries: 1462, deleted: 0, ranges: true, rangeCount: 24 });

    const byCli = database('sena_cli');
    await importLift(session, SENA, { database: byCli });
    expect(await storedLayout(name)).toBe(await storedLayout(byCli));
    const list = async (db: string) => (await session.query('declare variable $db external; db:list($db)', { db })).sort();
    expect(await list(name)).toEqual(await list(byCli));
    // Nothing of either upload is left behind.
    expect(readdirSync(join(folder, 'data', 'uploads'))).toEqual([]);
  });

  it('exports it as one .zip download holding NAME.lift and NAME.lift-ranges, equal to the source', async () => {
    const result = await exported(name);
    expect(result.zipped).toEqual({ lift: `${name}.lift`, ranges: `${name}.lift-ranges` });
    expect(result.file).toMatch(new RegExp(`${name}-\\d{8}T\\d{6}\\.zip$`));
    const got = await download(result.download ?? '');
    expect([got.status, got.type]).toEqual([200, 'application/zip']);
    const members = unzipSync(new Uint8Array(got.body));
    expect(Object.keys(members).sort()).toEqual([`${name}.lift`, `${name}.lift-ranges`]);
    const unpacked = join(folder, 'unpacked');
    mkdirSync(unpacked);
    for (const [member, bytes] of Object.entries(members)) writeFileSync(join(unpacked, member), bytes);
    expect(canonicalFile(join(unpacked, `${name}.lift-ranges`))).toBe(canonicalFile(SENA_RANGES));
    expect(canonicalFile(join(unpacked, `${name}.lift`))).toBe(canonicalFile(SENA));
    // Byte for byte what the CLI's export writes side by side (the header's range hrefs as imported).
    const byCli = join(folder, 'cli', `${name}.lift`);
    mkdirSync(join(folder, 'cli'));
    await exportLift(session, name, byCli);
    expect(Buffer.from(members[`${name}.lift`]).equals(readFileSync(byCli))).toBe(true);
    expect(Buffer.from(members[`${name}.lift-ranges`]).equals(readFileSync(join(folder, 'cli', `${name}.lift-ranges`)))).toBe(true);
    // Only the download is left in exports/: the two files it was made of are gone.
    expect(readdirSync(join(folder, 'data', 'exports'))).toEqual([result.file.split('/').pop()]);
  });

  it('imports the pair again over the dictionary once the person says replace', async () => {
    const ids = { uploadId: await upload(SENA), rangesUploadId: await upload(SENA_RANGES), database: name };
    const refused = await window.call('dictionaries.import', ids);
    expect(refused).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    // The same uploads, as the renderer sends them after the person confirmed.
    const replaced = await imported({ ...ids, replace: true });
    expect(replaced).toMatchObject({ database: name, ranges: true, rangeCount: 24 });
    expect(replaced.backup).toBeDefined();
    if (replaced.backup) created.push(replaced.backup);
  });

  it('a .lift alone imports as before, says which ranges file did not come, and exports as a plain .lift', async () => {
    const alone = database('sena_alone');
    const result = await imported({ uploadId: await upload(SENA), database: alone });
    expect(result).toEqual({ database: alone, entries: 1462, deleted: 0, ranges: false, missingRangesFile: 'Sena.lift-ranges' });
    const out = await exported(alone);
    expect(out.zipped).toBeUndefined();
    expect(out.file).toMatch(/\.lift$/);
    const got = await download(out.download ?? '');
    expect(got.status).toBe(200);
    expect(got.body.subarray(0, 200).toString()).toContain('<lift');
  });

  it('refuses two .lift files, or ranges alone, saying what is wrong', async () => {
    const twoLifts = await window.call('dictionaries.import', { uploadId: await upload(SENA), rangesUploadId: await upload(SENA, 'Other.lift') });
    expect(twoLifts).toMatchObject({ ok: false, error: { code: 'Invalid', message: 'Sena.lift and Other.lift are two dictionaries: import one .lift file at a time, with its .lift-ranges file if it has one' } });
    const rangesAlone = await window.call('dictionaries.import', { uploadId: await upload(SENA_RANGES) });
    expect(rangesAlone).toMatchObject({ ok: false, error: { code: 'Invalid', message: expect.stringContaining('Sena.lift-ranges holds only the ranges') } });
    expect(await window.call('uploads.begin', { fileName: 'notes.txt', size: 3 })).toMatchObject({ ok: false, error: { code: 'Invalid' } });
    expect(readdirSync(join(folder, 'data', 'uploads'))).toEqual([]);
  });
});

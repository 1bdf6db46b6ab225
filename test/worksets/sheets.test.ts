import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../../src-main/lift/entry-xml.js';
import { sheetCells } from '../../src-main/lift/sheet-cells.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { parseCsv, writeCsv } from '../../src-main/worksets/sheets/csv.js';
import { exportSheet } from '../../src-main/worksets/sheets/sheet-export.js';
import { importSheet } from '../../src-main/worksets/sheets/sheet-import.js';
import { readSheet } from '../../src-main/worksets/sheets/sheet-table.js';
import { undoSheetImport } from '../../src-main/worksets/sheets/sheet-undo.js';
import { readXlsx, writeXlsx } from '../../src-main/worksets/sheets/xlsx.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { senaNouns } from '../helpers/sena-nouns.js';
import { copyOf } from '../helpers/workset-copy.js';

const COLUMNS = 'headword:seh,gloss:en,definition:en,pos,status,favourite,notes';

describe('CSV as spreadsheets read it', () => {
  const awkward = [
    ['guid', 'gloss:en', 'notes'],
    ['a,b', 'say "hi", then go', 'line one\nline two'],
    ['मुख', 'قلم', '中文, "引号"\r\nand more'],
    ['=1+1', '-a', '+x'],
    ['@sum', "'=already", "'plain"],
    ['', 'trailing', ''],
  ];

  it('quotes commas, quotes and line breaks, writes UTF-8 with a BOM and CRLF rows', () => {
    const text = writeCsv(awkward);
    expect(text.startsWith('\uFEFFguid,gloss:en,notes\r\n')).toBe(true);
    expect(text).toContain('"a,b","say ""hi"", then go","line one\nline two"\r\n');
    expect(text).toContain('मुख,قلم,"中文, ""引号""\r\nand more"\r\n');
  });

  it('guards cells a spreadsheet would run as formulas, and reads them back as they were', () => {
    const text = writeCsv(awkward);
    expect(text).toContain("'=1+1,'-a,'+x\r\n");
    expect(text).toContain("'@sum,''=already,'plain\r\n");
    const back = parseCsv(text);
    // A line break inside a cell comes back as LF, the way the import compares cells.
    expect(back).toEqual(awkward.map((row) => row.map((cell) => cell.replace(/\r\n/g, '\n'))));
  });

  it('reads LF-only files and files without a BOM, and refuses a quote left open', () => {
    expect(parseCsv('a,b\nc,"d\ne"\n')).toEqual([['a', 'b'], ['c', 'd\ne']]);
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted cell/);
    // Excel in a locale whose decimal mark is a comma separates with semicolons.
    expect(parseCsv('\uFEFFguid;version;gloss:en\r\nx;v;"a; b, c"\r\n')).toEqual([['guid', 'version', 'gloss:en'], ['x', 'v', 'a; b, c']]);
  });

  it('XLSX keeps every cell as text, formulas and scripts included', async () => {
    const back = await readXlsx(await writeXlsx(awkward, 'Nouns: all/some'));
    // XLSX keeps a line break as LF, as Excel does.
    expect(back).toEqual(awkward.map((row) => row.map((cell) => cell.replace(/\r\n/g, '\n'))));
  });
});

describe('a workset as a spreadsheet and back (Sena nouns)', () => {
  const sena = senaNouns('sheets');

  const services = () => ({ store: sena.store, worksets: new WorksetService(sena.store, TEST_AUTHOR), entries: new EntryService(sena.store, TEST_AUTHOR) });

  it('exports CSV and XLSX with the columns asked, guid and version first', async () => {
    const { store, worksets } = services();
    const csv = await exportSheet(sena.session, store, worksets, sena.worksetId, join(sena.folder, 'nouns.csv'), COLUMNS);
    expect(csv.columns).toEqual(['guid', 'version', ...COLUMNS.split(',')]);
    expect(csv.rows).toBe(sena.before.length);
    const rows = parseCsv(await readFile(csv.file, 'utf8'));
    expect(rows.slice(1).map((r) => r[0])).toEqual(sena.before.map((e) => e.guid));
    expect(rows.slice(1).map((r) => r[1])).toEqual(sena.before.map((e) => e.version));
    const xlsx = await exportSheet(sena.session, store, worksets, sena.worksetId, join(sena.folder, 'nouns.xlsx'), COLUMNS);
    expect(await readXlsx(await readFile(xlsx.file))).toEqual(rows);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: previews the edited cells and the stale row, applies exactly those, undoes byte for byte`, async () => {
      const all = services();
      const file = join(sena.folder, `round-trip.${format}`);
      await exportSheet(sena.session, all.store, all.worksets, sena.worksetId, file, COLUMNS);
      const rows = format === 'csv' ? parseCsv(await readFile(file, 'utf8')) : await readXlsx(await readFile(file));
      const at = (name: string): number => rows[0].indexOf(name);
      const [a, b, c, d] = [rows[1], rows[2], rows[3], rows[4]];
      a[at('gloss:en')] = `${a[at('gloss:en')]} (edited, "quoted")`;
      b[at('headword:seh')] = `${b[at('headword:seh')]}-x`;
      b[at('status')] = 'done';
      b[at('notes')] = 'ask Maria,\nsecond line';
      c[at('pos')] = c[at('pos')] === 'Verbo' ? 'Nome' : 'Verbo';
      c[at('favourite')] = 'yes';
      d[at('gloss:en')] = 'will not land';
      const edited = join(sena.folder, `edited.${format}`);
      await writeFileOf(edited, rows, format);

      // Meanwhile someone changes d's entry: its row is stale, listing each cell that differs from the entry now.
      const [dNow] = await readEntries(sena.session, sena.db, [d[0]]);
      await all.entries.edit(sena.session, sena.db, d[0], dNow.version, { action: 'set', field: 'definition', lang: 'en', sense: 0, value: `changed meanwhile (${format})` });
      const beforeImport = await sena.current();
      const curationBefore = sena.store.entries.page(copyId(), { offset: 0, limit: 500 }).rows;

      const table = await readSheet(await readFile(edited), format);
      const preview = await importSheet(sena.session, all, sena.worksetId, table, { apply: false });
      expect(preview.applied).toBe(false);
      const said = (r: typeof preview) => r.changes.map((ch) => `${ch.guid} ${ch.column} ${ch.after}`).sort();
      expect(said(preview)).toEqual([
        `${a[0]} gloss:en ${a[at('gloss:en')]}`,
        `${b[0]} headword:seh ${b[at('headword:seh')]}`,
        `${b[0]} notes ask Maria,\nsecond line`,
        `${b[0]} status done`,
        `${c[0]} favourite yes`,
        `${c[0]} pos ${c[at('pos')]}`,
      ].sort());
      expect(preview.stale.map((s) => [s.guid, s.reason, s.cells.map((x) => x.column)])).toEqual([[d[0], 'changed since the export', ['gloss:en', 'definition:en']]]);
      expect(preview.unchanged).toBe(rows.length - 1 - 4);
      expect(await sena.current()).toEqual(beforeImport);

      const applied = await importSheet(sena.session, all, sena.worksetId, table, { apply: true });
      expect(said(applied)).toEqual(said(preview));
      expect(applied.stale.map((s) => s.guid)).toEqual([d[0]]);
      expect(applied.records).toHaveLength(6);
      const after = await sena.current();
      const touched = new Set([a[0], b[0], c[0]]);
      expect(after.filter((e) => !touched.has(e.guid))).toEqual(beforeImport.filter((e) => !touched.has(e.guid)));
      const cells = new Map((await sheetCells(sena.session, sena.db, [a[0], b[0], c[0]])).map((x) => [x.guid, x]));
      expect(cells.get(a[0])?.gloss.en).toBe(a[at('gloss:en')]);
      expect(cells.get(b[0])?.headword.seh).toBe(b[at('headword:seh')]);
      expect(cells.get(c[0])?.pos).toBe(c[at('pos')]);
      const member = (guid: string) => sena.store.entries.get(copyId(), guid);
      expect([member(b[0]).status, member(b[0]).notes, member(c[0]).favourite]).toEqual(['done', 'ask Maria,\nsecond line', true]);

      const undone = await undoSheetImport(sena.session, all, sena.db, applied.records);
      expect(undone.conflicts).toEqual([]);
      expect(await sena.current()).toEqual(beforeImport);
      expect(sena.store.entries.page(copyId(), { offset: 0, limit: 500 }).rows.map(curationOf)).toEqual(curationBefore.map(curationOf));
    });
  }

  it('refuses a sheet without guid or version, a guid not in the workset, a status it does not know, and writes nothing', async () => {
    const all = services();
    const before = await sena.current();
    const refused = async (rows: string[][], message: RegExp) => {
      const table = await readSheet(Buffer.from(writeCsv(rows)), 'csv').catch((e: Error) => e);
      const outcome = table instanceof Error ? table : await importSheet(sena.session, all, sena.worksetId, table, { apply: true }).catch((e: Error) => e);
      expect(outcome).toBeInstanceOf(Error);
      expect((outcome as Error).message).toMatch(message);
    };
    const [first] = before;
    await refused([['guid', 'gloss:en'], [first.guid, 'x']], /no version column/);
    await refused([['guid', 'version', 'colour'], [first.guid, first.version, 'x']], /unknown column "colour"/);
    await refused([['guid', 'version', 'gloss'], [first.guid, first.version, 'x']], /needs a writing system/);
    await refused([['guid', 'version', 'gloss:en'], ['no-such-guid', 'v', 'x']], /row 2: entry no-such-guid is not in workset/);
    await refused([['guid', 'version', 'status'], [first.guid, first.version, 'finished']], /row 2: status "finished" is not one of/);
    await refused([['guid', 'version', 'gloss:en'], [first.guid, first.version, 'x'], [first.guid, first.version, 'y']], /row 3: .* twice/);
    expect(await sena.current()).toEqual(before);
  });

  const copyId = (): number => copyOf(sena.store, sena.worksetId);
});

function curationOf(row: { guid: string; status: string; favourite: boolean; notes: string }) {
  return { guid: row.guid, status: row.status, favourite: row.favourite, notes: row.notes };
}

async function writeFileOf(file: string, rows: string[][], format: 'csv' | 'xlsx'): Promise<void> {
  await writeFile(file, format === 'csv' ? writeCsv(rows) : await writeXlsx(rows, 'edited'));
}

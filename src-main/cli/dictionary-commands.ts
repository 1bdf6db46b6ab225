import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { isImportWouldReplace, type ImportResult, type RestoredWorkset } from '../domain/dictionaries.js';
import { listBackups, restoreBackup } from '../lift/backups.js';
import { dictionaryInfo, listDictionaries } from '../lift/dictionaries.js';
import { LiftError } from '../lift/errors.js';
import { changeAuthor } from '../worksets/workset-services.js';
import { exportLift } from '../lift/export.js';
import { importLift } from '../lift/import.js';
import { restoreCuration } from '../worksets/curation-restore.js';
import { withSession, type GlobalOptions } from './context.js';
import { endProgress, progressLine, report, type JsonOption } from './output.js';

/** `import`, `export` and `dictionaries` (and its backups): LIFT files in and out of BaseX. */
export function addDictionaryCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('import')
    .description('import a LIFT file (and the .lift-ranges beside it) into its own database')
    .argument('<file>', 'the .lift file')
    .option('--db <name>', 'database name (default: from the file name)')
    .option('--replace', 'replace the dictionary of that name, keeping it as a backup (dictionaries restore brings it back)')
    .option('--restore-curation', 'make worksets again of the curation the file carries (an export --with-curation)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: JsonOption & { db?: string; replace?: boolean; restoreCuration?: boolean }) => {
      const change = { author: changeAuthor(globals().user), window: 'cli' };
      const result = await withSession(globals(), async ({ session }) => {
        const imported = await importLift(session, resolve(file), {
          database: options.db,
          replace: options.replace,
          change,
          onProgress: (p) => progressLine(`${p.phase} ${Math.round((100 * p.bytesSent) / Math.max(1, p.totalBytes))}%`),
        }).catch((error: unknown) => {
          throw error instanceof LiftError && isImportWouldReplace(error.details) ? new Error(`${error.message}: import with --replace to put this file in its place (the current one is kept as a backup)`) : error;
        });
        if (!options.restoreCuration || !imported.curationWorksets) return imported;
        const restoredWorksets = await restoreCuration(session, imported.database, { ...change, op: 'workset', field: 'create' });
        return { ...imported, restoredWorksets };
      });
      endProgress();
      report(options.json, result, () => `${result.database}: ${result.entries} entries${rangesNote(result)}${result.backup ? ` (the one it replaced is kept as ${result.backup})` : ''}${curationNote(result)}`);
    });

  program
    .command('export')
    .description('write a dictionary to a .lift file (and its ranges beside it)')
    .argument('<db>', 'dictionary database')
    .argument('<out>', 'the .lift file to write')
    .option('--with-curation', "write each workset's status, favourite, notes and query as annotations on its entries")
    .option('--json', 'print the result as JSON')
    .action(async (db: string, out: string, options: JsonOption & { withCuration?: boolean }) => {
      const target = resolve(out);
      if (!existsSync(resolve(target, '..'))) throw new Error(`cannot write ${out}: folder ${resolve(target, '..')} does not exist`);
      const result = await withSession(globals(), ({ session }) => exportLift(session, db, target, { withCuration: options.withCuration }));
      const curated = result.curatedWorksets === undefined ? '' : `, with the curation of ${worksets(result.curatedWorksets)}`;
      report(options.json, result, () => `${basename(result.file)}: ${result.entries} entries${curated}`);
    });

  const dictionaries = program
    .command('dictionaries')
    .description('list the dictionaries with their entry counts (and restore one from a backup)')
    .option('--json', 'print the list as JSON')
    .action(async (options: JsonOption) => {
      const list = await withSession(globals(), ({ session }) => listDictionaries(session));
      report(options.json, list, () =>
        list.length === 0 ? 'no dictionaries' : list.map((d) => `${d.name}\t${d.entries} entries${d.log ? `\t${d.log.changes} changes logged (${d.log.size})` : ''}`).join('\n'),
      );
    });

  dictionaries
    .command('restore')
    .description('bring back the dictionary an import replaced (the newest backup, or --backup); the one there now becomes a backup')
    .argument('<name>', 'dictionary database')
    .option('--backup <db>', 'which backup (see dictionaries backups)')
    .option('--json', 'print the outcome as JSON')
    .action(async (name: string, options: JsonOption & { backup?: string }, command: Command) => {
      const { json } = command.optsWithGlobals<JsonOption>();
      const outcome = await withSession(globals(), ({ session }) => restoreBackup(session, name, { author: changeAuthor(globals().user), window: 'cli' }, options.backup));
      report(json, outcome, () => `${name}: restored from ${outcome.restored}${outcome.backup ? ` (the one it replaced is kept as ${outcome.backup})` : ''}`);
    });

  dictionaries
    .command('backups')
    .description('the backups kept of a dictionary, newest first')
    .argument('<name>', 'dictionary database')
    .option('--json', 'print them as JSON')
    .action(async (name: string, _options: JsonOption, command: Command) => {
      // --json belongs to `dictionaries` too, and commander gives it to the parent.
      const { json } = command.optsWithGlobals<JsonOption>();
      const backups = await withSession(globals(), ({ session }) => listBackups(session, name));
      report(json, backups, () => (backups.length === 0 ? `no backups of ${name}` : backups.map((b) => `${b.database}\t${b.at}`).join('\n')));
    });

  program
    .command('dictionary')
    .description('show one dictionary')
    .argument('<db>', 'dictionary database')
    .option('--json', 'print it as JSON')
    .action(async (db: string, options: JsonOption) => {
      const info = await withSession(globals(), ({ session }) => dictionaryInfo(session, db));
      report(options.json, info, () => `${info.name}\t${info.entries} entries (${info.deleted} deleted)`);
    });
}

/** What came of the curation a file carried: the worksets restored, or how to restore them. */
function curationNote(result: ImportResult & { restoredWorksets?: readonly RestoredWorkset[] }): string {
  if (result.restoredWorksets) return `; restored ${worksets(result.restoredWorksets.length)}: ${result.restoredWorksets.map((w) => `${w.name} (${w.total} entries, id ${w.id})`).join(', ')}`;
  if (result.curationWorksets) return `\nthis file carries the curation of ${worksets(result.curationWorksets)}: import with --restore-curation to bring them back`;
  return '';
}

function worksets(count: number): string {
  return `${count} workset${count === 1 ? '' : 's'}`;
}

/** What came of the ranges, for a person: their count, or the file the header named that was not beside it. */
function rangesNote(result: ImportResult): string {
  if (result.rangeCount !== undefined) return `, with its ranges (${result.rangeCount} ranges)`;
  if (result.missingRangesFile) return `; its ranges file ${result.missingRangesFile} was not beside it, so the pickers offer only values already used`;
  return '';
}

import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { dictionaryInfo, listDictionaries } from '../lift/dictionaries.js';
import { exportLift } from '../lift/export.js';
import { importLift } from '../lift/import.js';
import { withSession, type GlobalOptions } from './context.js';
import { endProgress, progressLine, report } from './output.js';

interface JsonOption {
  readonly json?: boolean;
}

/** `import`, `export` and `dictionaries`: LIFT files in and out of BaseX. */
export function addDictionaryCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('import')
    .description('import a LIFT file (and the .lift-ranges beside it) into its own database')
    .argument('<file>', 'the .lift file')
    .option('--db <name>', 'database name (default: from the file name)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: JsonOption & { db?: string }) => {
      const result = await withSession(globals(), ({ session }) =>
        importLift(session, resolve(file), {
          database: options.db,
          onProgress: (p) => progressLine(`${p.phase} ${Math.round((100 * p.bytesSent) / Math.max(1, p.totalBytes))}%`),
        }),
      );
      endProgress();
      report(options.json, result, () => `${result.database}: ${result.entries} entries`);
    });

  program
    .command('export')
    .description('write a dictionary to a .lift file (and its ranges beside it)')
    .argument('<db>', 'dictionary database')
    .argument('<out>', 'the .lift file to write')
    .option('--json', 'print the result as JSON')
    .action(async (db: string, out: string, options: JsonOption) => {
      const target = resolve(out);
      if (!existsSync(resolve(target, '..'))) throw new Error(`cannot write ${out}: folder ${resolve(target, '..')} does not exist`);
      const result = await withSession(globals(), ({ session }) => exportLift(session, db, target));
      report(options.json, result, () => `${basename(result.file)}: ${result.entries} entries`);
    });

  program
    .command('dictionaries')
    .description('list the dictionaries with their entry counts')
    .option('--json', 'print the list as JSON')
    .action(async (options: JsonOption) => {
      const list = await withSession(globals(), ({ session }) => listDictionaries(session));
      report(options.json, list, () =>
        list.length === 0 ? 'no dictionaries' : list.map((d) => `${d.name}\t${d.entries} entries`).join('\n'),
      );
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

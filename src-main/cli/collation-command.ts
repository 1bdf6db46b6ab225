import type { Command } from 'commander';
import { readCollation, writeCollation, type DictionaryCollation } from '../lift/collation-setting.js';
import { withSession, type GlobalOptions } from './context.js';
import { report, type JsonOption } from './output.js';

/** `collation DB`: how a dictionary's headwords collate (`"sort":{"by":"headword","order":…}`), shown or set. */
export function addCollationCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('collation')
    .description("show or set how a dictionary's headwords sort: the locale of its collation and its own letters in order")
    .argument('<db>', 'dictionary database')
    .option('--locale <tag>', 'BCP 47 language tag, e.g. es, sv, de ("" for the headwords\' writing system)')
    .option('--letters <list>', 'the letters (and digraphs) in order, separated by spaces, e.g. "a b c ch d" ("" for none)')
    .option('--json', 'print the setting as JSON')
    .action(async (db: string, options: JsonOption & { locale?: string; letters?: string }) => {
      const change = { locale: options.locale, letters: options.letters === undefined ? undefined : options.letters.split(/\s+/) };
      const setting = await withSession(globals(), ({ session }) =>
        change.locale === undefined && change.letters === undefined ? readCollation(session, db) : writeCollation(session, db, change),
      );
      report(options.json, setting, () => describe(db, setting));
    });
}

function describe(db: string, setting: DictionaryCollation): string {
  const letters = setting.letters.length > 0 ? `; its own letters: ${setting.letters.join(' ')}` : '';
  return `${db}: headwords collate as ${setting.locale}${setting.set ? '' : " (the headwords' writing system)"}${letters}`;
}

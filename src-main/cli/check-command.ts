import type { Command } from 'commander';
import type { CheckReport } from '../domain/checks.js';
import type { GlobalOptions } from './context.js';
import { parseJson } from './arguments.js';
import { report, type JsonOption } from './output.js';
import { withStore } from './with-store.js';

interface CheckOptions extends JsonOption {
  readonly requireGloss?: string;
  readonly addRule?: string;
  readonly query?: string;
  readonly open?: string;
}

/**
 * `check DB`: every consistency rule's findings (worksets/check-service.ts). Problems found are
 * the command's answer, not its failure: it exits 0 whatever it finds.
 */
export function addCheckCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('check')
    .description('consistency checks of a dictionary: each rule with the entries it finds')
    .argument('<db>', 'dictionary database')
    .option('--require-gloss <langs>', 'writing systems every sense must be glossed in, e.g. en,pt (kept on the server; "" for none: the most used)')
    .option('--add-rule <name>', 'save a rule of your own: the entries --query matches')
    .option('--query <json>', 'the query of --add-rule, as for worksets create')
    .option('--open <rule>', "make a workset of what a rule finds (a built-in rule's id or your rule's name)")
    .option('--json', 'print the result as JSON')
    .action((db: string, options: CheckOptions) =>
      withStore(globals(), async ({ session }, { checks }) => {
        if ((options.addRule === undefined) !== (options.query === undefined)) throw new Error('--add-rule and --query go together');
        if (options.requireGloss !== undefined) await checks.setRequiredGloss(session, db, options.requireGloss.split(','));
        if (options.addRule !== undefined && options.query !== undefined) await checks.addRule(session, db, options.addRule, parseJson(options.query, '--query'));
        if (options.open !== undefined) {
          const made = await checks.open(session, db, options.open);
          report(options.json, made, () => `workset ${made.id} "${made.name}": ${made.total} entries`);
          return;
        }
        const result = await checks.run(session, db);
        report(options.json, result, () => lines(result));
      }),
    );
}

function lines(result: CheckReport): string {
  return result.rules.map((r) => `${r.rule}: ${r.count}${r.note ? ` — ${r.note}` : ''}`).join('\n');
}

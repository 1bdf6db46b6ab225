import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { ChangeAuthor } from '../domain/changes.js';
import { BUILT_IN_RULES, isBuiltInRule, RULE_DESCRIPTIONS, type CheckReport, type GlossLangs, type RuleResult, type UserRule } from '../domain/checks.js';
import type { WorksetQuery } from '../domain/query-model.js';
import { querySchema } from '../ipc/contract/query.js';
import type { ChangeMeta } from '../lift/change-log.js';
import { deleteUserRule, readCheckSettings, saveRequiredGloss, saveUserRule, type StoredRule } from '../lift/check-documents.js';
import { CONSISTENCY_RULES_XQUERY, type RulesAnswer } from '../lift/consistency-rules-xquery.js';
import { onDatabase } from '../lift/database-query.js';
import { dictionaryInfo } from '../lift/dictionaries.js';
import { compileQuery } from './query/compile.js';
import { matchingEntries } from './query/run.js';
import { validateQuery } from './query/validate.js';
import { foldKey, requireText } from './store/validate.js';
import type { WorksetService } from './workset-service.js';

/**
 * Consistency checks of a dictionary: the built-in rules (lift/consistency-rules-xquery.ts) and
 * the rules users saved (lift/check-documents.ts), each with the entries it flags. A rule's
 * findings open as a workset: a user rule's is its own query, a built-in rule's holds exactly
 * the entries flagged (`guid in`), so fixing them is a normal edit or bulk edit.
 */

const READ = { idempotent: true } as const;
/** A workset name already taken is tried again as "(2)", "(3)"…, up to this many. */
const MAX_NAME_ATTEMPTS = 50;
/** Writing system ids as the query model takes them. */
const LANG = /^\S{1,64}$/;

export class CheckService {
  constructor(
    private readonly worksets: WorksetService,
    private readonly author: ChangeAuthor,
  ) {}

  /** Every rule's findings, built-in rules first, then the users' in the order they were saved. */
  async run(session: Queryable, dictionary: string): Promise<CheckReport> {
    await dictionaryInfo(session, dictionary);
    const settings = await readCheckSettings(session, dictionary);
    const answer = JSON.parse(await session.execute(onDatabase(dictionary, CONSISTENCY_RULES_XQUERY), { required: settings.requiredGloss }, READ)) as RulesAnswer;
    const glossLangs: GlossLangs = { langs: answer.glossLangs, source: settings.requiredGloss.length > 0 ? 'required' : 'most-used' };
    const builtIn = BUILT_IN_RULES.map((rule) => {
      const guids = answer.rules[rule] ?? [];
      const note = noteOf(rule, answer, glossLangs);
      return { rule, count: guids.length, guids, ...(note ? { note } : {}) };
    });
    const users: RuleResult[] = [];
    for (const stored of settings.rules) users.push(await this.runUserRule(session, dictionary, stored));
    return { dictionary, rules: [...builtIn, ...users], glossLangs, userRules: settings.rules.flatMap((r) => userRuleOf(r) ?? []) };
  }

  /** Sets the writing systems every sense must be glossed in; an empty list: the most used again. */
  async setRequiredGloss(session: Queryable, dictionary: string, langs: readonly string[], window = 'cli'): Promise<string[]> {
    await dictionaryInfo(session, dictionary);
    const clean = [...new Set(langs.map((lang) => lang.trim()).filter((lang) => lang !== ''))];
    const bad = clean.find((lang) => !LANG.test(lang));
    if (bad !== undefined) throw new AppError('Invalid', `"${bad}" is not a writing system id (no spaces, at most 64 characters)`);
    await saveRequiredGloss(session, dictionary, clean, this.meta(window));
    return clean;
  }

  /** Saves a rule: a name and a workset query (any JSON: checked as the query builder checks it). */
  async addRule(session: Queryable, dictionary: string, name: string, query: unknown, window = 'cli'): Promise<UserRule> {
    await dictionaryInfo(session, dictionary);
    const trimmed = requireText(name, 'the check’s name').trim();
    if (isBuiltInRule(trimmed)) throw new AppError('Conflict', `"${trimmed}" is a built-in check; choose another name`);
    const validation = await validateQuery(session, dictionary, query);
    if (!validation.ok) throw new AppError('Invalid', `the check’s query is not valid: ${validation.issues.map((i) => `${i.path || 'query'}: ${i.message}`).join('; ')}`);
    const parsed = querySchema.parse(query);
    const id = await saveUserRule(session, dictionary, { name: trimmed, key: foldKey(trimmed) ?? '', query: JSON.stringify(parsed) }, this.meta(window));
    return { id, name: trimmed, query: parsed, created: new Date().toISOString(), who: this.author.who };
  }

  async deleteRule(session: Queryable, dictionary: string, id: number, window = 'cli'): Promise<void> {
    await dictionaryInfo(session, dictionary);
    await deleteUserRule(session, dictionary, id, this.meta(window));
  }

  /**
   * A workset of what `rule` finds now, named for it ("Clean up: missing-gloss", numbered when
   * taken): a user rule's query itself, or exactly the entries a built-in rule flags.
   */
  async open(session: Queryable, dictionary: string, rule: string, window = 'cli'): Promise<{ id: number; name: string; total: number }> {
    const { query, description } = await this.worksetQuery(session, dictionary, rule);
    for (let attempt = 1; ; attempt++) {
      const name = attempt === 1 ? `Clean up: ${rule}` : `Clean up: ${rule} (${attempt})`;
      try {
        return await this.worksets.create(session, { dictionary, name, description, query }, window);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'Conflict') || attempt >= MAX_NAME_ATTEMPTS) throw error;
      }
    }
  }

  private async worksetQuery(session: Queryable, dictionary: string, rule: string): Promise<{ query: WorksetQuery; description: string }> {
    const report = await this.run(session, dictionary);
    const found = report.rules.find((r) => r.rule === rule);
    if (!found) throw new AppError('NotFound', `there is no check "${rule}" in ${dictionary}`);
    const user = report.userRules.find((r) => r.id === found.userRule);
    if (user) return { query: user.query, description: `What the check “${user.name}” finds` };
    if (found.count === 0) throw new AppError('Invalid', `the check ${rule} finds nothing in ${dictionary}: there is no workset to make`);
    const query: WorksetQuery = { match: 'all', filters: [{ field: 'guid', op: 'in', value: [...found.guids] }], sort: { by: 'headword', dir: 'asc' } };
    const what = isBuiltInRule(rule) ? RULE_DESCRIPTIONS[rule] : rule;
    return { query, description: `Entries with ${what}${found.note ? ` (${found.note})` : ''}, as of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC` };
  }

  private async runUserRule(session: Queryable, dictionary: string, stored: StoredRule): Promise<RuleResult> {
    const rule = userRuleOf(stored);
    if (!rule) return { rule: stored.name, userRule: stored.id, count: 0, guids: [], note: 'its saved query is not valid any more: delete it and save it again' };
    const compiled = compileQuery(rule.query);
    const xquery = `${compiled.prolog}\nstring-join(${matchingEntries(compiled)} return string($e/@guid), '&#10;')`;
    const text = await session.execute(onDatabase(dictionary, xquery), compiled.bindings, READ);
    const guids = text === '' ? [] : text.split('\n');
    return { rule: stored.name, userRule: stored.id, count: guids.length, guids };
  }

  private meta(window: string): ChangeMeta {
    return { author: this.author, window, op: 'workset' };
  }
}

function userRuleOf(stored: StoredRule): UserRule | undefined {
  let json: unknown;
  try {
    json = JSON.parse(stored.query);
  } catch {
    return undefined;
  }
  const parsed = querySchema.safeParse(json);
  return parsed.success ? { id: stored.id, name: stored.name, query: parsed.data, created: stored.created, who: stored.who } : undefined;
}

/** What a count alone would not say: which writing systems were checked, or that nothing could be. */
function noteOf(rule: string, answer: RulesAnswer, glossLangs: GlossLangs): string | undefined {
  if (rule === 'missing-gloss') {
    if (glossLangs.langs.length === 0) return 'no sense has a gloss, and no writing system is required: nothing was checked';
    const langs = glossLangs.langs.join(', ');
    return glossLangs.source === 'required' ? `checked ${langs} (required)` : `checked ${langs}: none is required, so the writing systems most senses are glossed in`;
  }
  if (rule === 'pos-not-in-ranges' && !answer.posRange) return 'not checked: the dictionary has no grammatical-info range';
  if (rule === 'domain-not-in-ranges' && !answer.domainRange) return 'not checked: the dictionary has no semantic-domain range';
  return undefined;
}

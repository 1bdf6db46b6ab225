import type { WorksetQuery } from './query-model.js';

/**
 * Consistency checks of a dictionary: built-in rules with fixed ids, and rules users add as saved
 * workset queries. A check reads only; each rule answers the entries it flags, and a fix is a
 * normal edit or bulk edit on a workset of them.
 */

export const BUILT_IN_RULES = [
  'missing-gloss', 'pos-not-in-ranges', 'domain-not-in-ranges', 'dangling-relation',
  'empty-sense', 'duplicate-gloss', 'headword-form', 'missing-headword',
] as const;
export type BuiltInRule = (typeof BUILT_IN_RULES)[number];

/** What each built-in rule flags, in the user's words (the Clean up area and the CLI say it). */
export const RULE_DESCRIPTIONS: Readonly<Record<BuiltInRule, string>> = {
  'missing-gloss': 'a sense without a gloss in a required writing system',
  'pos-not-in-ranges': 'a part of speech that is not in the dictionary’s ranges',
  'domain-not-in-ranges': 'a semantic domain that is not in the dictionary’s ranges',
  'dangling-relation': 'a relation whose ref names no entry or sense',
  'empty-sense': 'a sense with no text at all',
  'duplicate-gloss': 'the same gloss twice in one sense',
  'headword-form': 'a headword with leading, trailing or double spaces, or not in NFC',
  'missing-headword': 'an entry with neither a lexical unit nor a citation form',
};

export function isBuiltInRule(rule: string): rule is BuiltInRule {
  return (BUILT_IN_RULES as readonly string[]).includes(rule);
}

/** A rule a user saved: a name and a workset query; the entries it matches are its findings. */
export interface UserRule {
  readonly id: number;
  readonly name: string;
  readonly query: WorksetQuery;
  readonly created: string;
  readonly who: string;
}

export interface RuleResult {
  /** A built-in rule's id, or a user rule's name. */
  readonly rule: string;
  readonly count: number;
  /** The entries it flags, in document order. */
  readonly guids: readonly string[];
  /** For a user rule: its id. */
  readonly userRule?: number;
  /** What was checked or could not be, when the count alone would mislead ("no ranges"). */
  readonly note?: string;
}

/** Which writing systems `missing-gloss` checked, and why those. */
export interface GlossLangs {
  readonly langs: readonly string[];
  /** `required`: set for the dictionary; `most-used`: none set, the ones most senses are glossed in. */
  readonly source: 'required' | 'most-used';
}

export interface CheckReport {
  readonly dictionary: string;
  readonly rules: readonly RuleResult[];
  readonly glossLangs: GlossLangs;
  /** The rules users saved, with their queries (a saved query no longer valid is left out). */
  readonly userRules: readonly UserRule[];
}

import type { CustomFieldDefinition, CustomFieldOwner } from '../domain/dictionaries.js';

/** A header `<field tag>` as the vocabulary query reads it: its description, and FLEx's spec line when it has one. */
export interface DeclaredField {
  readonly tag: string;
  readonly description: string;
  /** FLEx 8.3+ writes `<form lang="qaa-x-spec"><text>Class=LexEntry; Type=String; WsSelector=kwsVern</text></form>`. */
  readonly spec: string;
}

const CLASS_OWNERS: Readonly<Record<string, CustomFieldOwner>> = { LexEntry: 'entry', LexSense: 'sense' };

/**
 * Where a declared custom field lives. FLEx's spec names its class; older exports only describe
 * it in English ("…for a LexPronunciation", "…a literal meaning of the entry", "…the current
 * sense"), so the description's words decide, the entry first; a field it says nothing about may
 * be on either (import-residue is on both in AllFLExFields).
 */
export function customFieldDefinition(field: DeclaredField): CustomFieldDefinition {
  const spec = Object.fromEntries(field.spec.split(';').map((part) => part.split('=').map((s) => s.trim())).filter((kv) => kv.length === 2)) as Record<string, string | undefined>;
  const owner = spec.Class ? (CLASS_OWNERS[spec.Class] ?? 'other') : ownerFromDescription(field.description);
  const ws = spec.WsSelector;
  const langs = ws === undefined ? undefined : /vern/i.test(ws) ? 'vernacular' : /anal/i.test(ws) ? 'analysis' : undefined;
  return { tag: field.tag, owner, description: field.description, ...(langs ? { langs } : {}) };
}

function ownerFromDescription(description: string): CustomFieldOwner {
  if (/\bLex(Pronunciation|Etymology|ExampleSentence|EntryRef|Reference)\b/.test(description)) return 'other';
  if (/\bLexEntry\b|\bentry\b/i.test(description)) return 'entry';
  if (/\bLexSense\b|\bsense\b/i.test(description)) return 'sense';
  return 'entry-or-sense';
}

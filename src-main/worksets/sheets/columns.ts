import { AppError } from '../../domain/app-error.js';
import type { FieldEdit } from '../../domain/edits.js';

/**
 * The columns of a workset spreadsheet. Every sheet starts with `guid` (how rows are matched back
 * to entries) and `version` (the entry's version at the export, so an import can tell a row whose
 * entry changed since); then the columns chosen: text in one writing system (`headword:seh`,
 * `gloss:en`, `definition:pt`), the first sense's part of speech, and the work list's status,
 * favourite and notes.
 */

export const GUID_COLUMN = 'guid';
export const VERSION_COLUMN = 'version';

export const TEXT_COLUMNS = ['headword', 'gloss', 'definition'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];
export const CURATION_COLUMNS = ['status', 'favourite', 'notes'] as const;
export type CurationColumn = (typeof CURATION_COLUMNS)[number];

export type SheetColumn =
  | { readonly kind: 'text'; readonly field: TextColumn; readonly lang: string }
  | { readonly kind: 'pos' }
  | { readonly kind: 'curation'; readonly field: CurationColumn };

/** An entry's values as the sheet shows them: the lexeme's forms, and the first sense's gloss, definition and part of speech. */
export interface EntryCells {
  readonly guid: string;
  readonly version: string;
  readonly headword: Readonly<Record<string, string>>;
  readonly gloss: Readonly<Record<string, string>>;
  readonly definition: Readonly<Record<string, string>>;
  readonly pos: string;
}

/** A workset member's curation, as its cells show it. */
export interface MemberCells {
  readonly status: string;
  readonly favourite: boolean;
  readonly notes: string;
}

export function columnName(column: SheetColumn): string {
  if (column.kind === 'text') return `${column.field}:${column.lang}`;
  return column.kind === 'pos' ? 'pos' : column.field;
}

/**
 * The columns `--columns` names (`headword,gloss:en,pos,status`): a text column without a
 * writing system stands for each one the workset's entries have. Empty or absent: all of them.
 */
export function chooseColumns(spec: string | readonly string[] | undefined, entries: readonly EntryCells[]): SheetColumn[] {
  const names = (typeof spec === 'string' ? spec.split(',') : (spec ?? [])).map((n) => n.trim()).filter((n) => n !== '');
  const wanted = names.length > 0 ? names : [...TEXT_COLUMNS, 'pos', ...CURATION_COLUMNS];
  const chosen: SheetColumn[] = [];
  for (const name of wanted) {
    if (name === GUID_COLUMN || name === VERSION_COLUMN) continue;
    const [field, lang] = name.split(':', 2);
    if (isTextColumn(field)) {
      const langs = lang !== undefined ? [lang] : langsOf(entries, field);
      chosen.push(...langs.map((l) => ({ kind: 'text' as const, field, lang: l })));
    } else chosen.push(parseColumn(name, 'in --columns'));
  }
  const seen = new Set<string>();
  return chosen.filter((c) => !seen.has(columnName(c)) && seen.add(columnName(c)));
}

/** A column as a header names it; anything else is refused, saying which. */
export function parseColumn(name: string, where: string): SheetColumn {
  const [field, lang] = name.trim().split(':', 2);
  if (isTextColumn(field)) {
    if (!lang) throw new AppError('Invalid', `column "${name}" ${where} needs a writing system, e.g. ${field}:en`);
    return { kind: 'text', field, lang };
  }
  if (field === 'pos' && lang === undefined) return { kind: 'pos' };
  if ((CURATION_COLUMNS as readonly string[]).includes(field) && lang === undefined) return { kind: 'curation', field: field as CurationColumn };
  throw new AppError('Invalid', `unknown column "${name}" ${where}: use guid, version, ${TEXT_COLUMNS.map((t) => `${t}:LANG`).join(', ')}, pos, ${CURATION_COLUMNS.join(', ')}`);
}

/** What a cell shows. */
export function cellOf(column: SheetColumn, entry: EntryCells, member: MemberCells): string {
  if (column.kind === 'text') return entry[column.field][column.lang] ?? '';
  if (column.kind === 'pos') return entry.pos;
  if (column.field === 'favourite') return member.favourite ? 'yes' : '';
  return column.field === 'status' ? member.status : member.notes;
}

/** The edit that makes an entry's cell say `value` (text fields and part of speech). */
export function cellEdit(column: Exclude<SheetColumn, { kind: 'curation' }>, value: string): FieldEdit {
  const change: Pick<FieldEdit, 'action' | 'value'> = value === '' ? { action: 'clear' } : { action: 'set', value };
  if (column.kind === 'pos') return { ...change, field: 'pos', sense: 0 };
  if (column.field === 'headword') return { ...change, field: 'lexeme', lang: column.lang };
  return { ...change, field: column.field, lang: column.lang, sense: 0 };
}

/** A favourite cell as people write it. */
export function parseFavourite(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'x', '★'].includes(t)) return true;
  if (['', 'no', 'n', 'false', '0'].includes(t)) return false;
  return undefined;
}

function isTextColumn(field: string | undefined): field is TextColumn {
  return (TEXT_COLUMNS as readonly (string | undefined)[]).includes(field);
}

function langsOf(entries: readonly EntryCells[], field: TextColumn): string[] {
  const langs = new Set<string>();
  for (const entry of entries) for (const lang of Object.keys(entry[field])) langs.add(lang);
  return [...langs].sort();
}

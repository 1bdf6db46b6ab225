/**
 * The LIFT writer shared by the sample and the synthetic generators.
 *
 * It writes what BaseX writes when it serializes (double-quoted attributes, `<x/>` for empty
 * elements, `&gt;` escaped in text), so a generated file survives an import and an export byte for
 * byte — a stricter test than canonical equality.
 */

export interface LiftText {
  readonly lang: string;
  readonly text: string;
}

export interface LiftExample {
  readonly form: LiftText;
  readonly translations: readonly LiftText[];
}

export interface LiftSense {
  readonly id: string;
  readonly pos: string;
  readonly glosses: readonly LiftText[];
  /** Definitions; a sense without any gets no `<definition>` element. */
  readonly definitions: readonly LiftText[];
  readonly domains: readonly string[];
  readonly examples: readonly LiftExample[];
}

export interface LiftEntry {
  readonly id: string;
  readonly guid: string;
  readonly dateCreated: string;
  readonly dateModified: string;
  /** A tombstone: only the attributes are written. */
  readonly dateDeleted?: string;
  readonly lexicalUnit?: LiftText;
  readonly citation?: LiftText;
  readonly morphType?: string;
  readonly notes: readonly LiftText[];
  readonly senses: readonly LiftSense[];
}

export interface RangeElement {
  readonly id: string;
  readonly guid: string;
  readonly parent?: string;
  readonly labels: readonly LiftText[];
  readonly abbrev?: string;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function attributes(pairs: ReadonlyArray<readonly [string, string | undefined]>): string {
  return pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

function form(text: LiftText): string {
  return `<form lang="${escapeAttribute(text.lang)}"><text>${escapeText(text.text)}</text></form>\n`;
}

function multiText(element: string, texts: readonly LiftText[], extra = ''): string {
  return texts.length === 0 ? '' : `<${element}${extra}>\n${texts.map(form).join('')}</${element}>\n`;
}

function senseXml(sense: LiftSense, order: number): string {
  return [
    `<sense${attributes([['id', sense.id], ['order', String(order)]])}>\n`,
    `<grammatical-info value="${escapeAttribute(sense.pos)}"/>\n`,
    ...sense.glosses.map((g) => `<gloss lang="${escapeAttribute(g.lang)}"><text>${escapeText(g.text)}</text></gloss>\n`),
    multiText('definition', sense.definitions),
    ...sense.examples.map(
      (e) => `<example>\n${form(e.form)}${multiText('translation', e.translations, ' type="Free translation"')}</example>\n`,
    ),
    ...sense.domains.map((d) => `<trait name="semantic-domain-ddp4" value="${escapeAttribute(d)}"/>\n`),
    '</sense>\n',
  ].join('');
}

/** One `<entry>` and the line end after it. */
export function entryXml(entry: LiftEntry): string {
  const head = attributes([
    ['id', entry.id],
    ['dateCreated', entry.dateCreated],
    ['dateModified', entry.dateModified],
    ['guid', entry.guid],
    ['dateDeleted', entry.dateDeleted],
  ]);
  if (entry.dateDeleted !== undefined) return `<entry${head}/>\n`;
  return [
    `<entry${head}>\n`,
    entry.lexicalUnit ? multiText('lexical-unit', [entry.lexicalUnit]) : '',
    entry.citation ? multiText('citation', [entry.citation]) : '',
    entry.morphType ? `<trait name="morph-type" value="${escapeAttribute(entry.morphType)}"/>\n` : '',
    ...entry.notes.map((n) => multiText('note', [n])),
    ...entry.senses.map(senseXml),
    '</entry>\n',
  ].join('');
}

/** Everything before the first entry: declaration, a comment, `<lift>` and its header. */
export function liftStart(producer: string, comment: string, rangesFile: string): string {
  const href = escapeAttribute(`file://${rangesFile}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<!--${comment}-->\n`,
    `<lift producer="${escapeAttribute(producer)}" version="0.13">\n`,
    '<header>\n<ranges>\n',
    `<range id="grammatical-info" href="${href}"/>\n`,
    `<range id="semantic-domain-ddp4" href="${href}"/>\n`,
    '</ranges>\n</header>\n',
  ].join('');
}

export const LIFT_END = '</lift>\n';

/** A whole .lift-ranges file. */
export function rangesXml(ranges: ReadonlyArray<readonly [string, readonly RangeElement[]]>): string {
  const element = (e: RangeElement): string =>
    `<range-element${attributes([['id', e.id], ['guid', e.guid], ['parent', e.parent]])}>\n` +
    multiText('label', e.labels) +
    (e.abbrev === undefined ? '' : multiText('abbrev', [{ lang: 'en', text: e.abbrev }])) +
    '</range-element>\n';
  const body = ranges.map(([id, elements]) => `<range id="${escapeAttribute(id)}">\n${elements.map(element).join('')}</range>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<lift-ranges>\n${body.join('')}</lift-ranges>\n`;
}

/** A small seeded PRNG (mulberry32): the generators must give the same file for the same seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped GUID drawn from `next`. */
export function guid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** `2019-03-04T05:06:07Z`, as FLEx writes dates. */
export function liftDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

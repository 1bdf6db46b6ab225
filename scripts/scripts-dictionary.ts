/**
 * A small dictionary in several scripts for the README's pictures of right-to-left and
 * multi-script entries: Arabic headwords (right to left) with English, French and Chinese
 * glosses, and a Hindi headword glossed in Latin, Han, Arabic and Thai script. Written for this
 * project (everyday words), generated here rather than kept in resources/.
 */
import { entryXml, LIFT_END, liftStart, type LiftEntry, type LiftText } from './lift-xml.js';

const DATE = '2026-11-30T09:00:00Z';

function entry(n: number, headword: LiftText, pos: string, glosses: LiftText[], example?: { form: LiftText; translations: LiftText[] }): LiftEntry {
  const guid = `5c21e0a0-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id: `${headword.text}_${guid}`,
    guid,
    dateCreated: DATE,
    dateModified: DATE,
    lexicalUnit: headword,
    morphType: 'stem',
    notes: [],
    senses: [{ id: `${guid.slice(0, -4)}5e05`, pos, glosses, definitions: [], domains: [], examples: example ? [example] : [] }],
  };
}

const ENTRIES: LiftEntry[] = [
  entry(1, { lang: 'ar', text: 'كِتَاب' }, 'Noun', [{ lang: 'en', text: 'book' }, { lang: 'fr', text: 'livre' }, { lang: 'zh-CN', text: '书' }], {
    form: { lang: 'ar', text: 'هذا كتاب جميل.' },
    translations: [{ lang: 'en', text: 'This is a beautiful book.' }, { lang: 'fr', text: "C'est un beau livre." }],
  }),
  entry(2, { lang: 'ar', text: 'مَاء' }, 'Noun', [{ lang: 'en', text: 'water' }, { lang: 'fr', text: 'eau' }, { lang: 'zh-CN', text: '水' }]),
  entry(3, { lang: 'ar', text: 'بَيْت' }, 'Noun', [{ lang: 'en', text: 'house' }, { lang: 'fr', text: 'maison' }, { lang: 'zh-CN', text: '房子' }]),
  entry(4, { lang: 'hi', text: 'पानी' }, 'Noun', [{ lang: 'en', text: 'water' }, { lang: 'zh-CN', text: '水' }, { lang: 'ar', text: 'ماء' }, { lang: 'th', text: 'น้ำ' }], {
    form: { lang: 'hi', text: 'मुझे पानी चाहिए।' },
    translations: [{ lang: 'en', text: 'I need water.' }, { lang: 'zh-CN', text: '我需要水。' }],
  }),
];

/** The dictionary as a .lift file's text. */
export function scriptsLift(): string {
  return `${liftStart('workset-browser screenshots', ' Several scripts, for the README pictures ', 'scripts.lift-ranges')}${ENTRIES.map(entryXml).join('')}${LIFT_END}`;
}

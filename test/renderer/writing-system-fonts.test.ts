import { describe, expect, it } from 'vitest';
import { fontStylesheet, parseFonts } from '../../src-renderer/settings/writing-system-fonts.js';

/** The per-writing-system fonts: a stylesheet of :lang() rules, from a stored choice read defensively. */
describe('writing system fonts', () => {
  it('writes one :lang rule per writing system, a tag after its prefix so pmi-fonipa keeps its own font', () => {
    expect(fontStylesheet({ 'pmi-fonipa': { family: 'Doulos SIL' }, pmi: { family: 'Noto Sans', size: 18 }, th: { family: '', size: 20 } })).toBe(
      [':lang(pmi) { font-family: "Noto Sans", sans-serif; font-size: 18px; }', ':lang(th) { font-size: 20px; }', ':lang(pmi-fonipa) { font-family: "Doulos SIL", sans-serif; }'].join('\n'),
    );
  });

  it('never lets a family name or tag leave its rule', () => {
    const css = fontStylesheet({ en: { family: 'Evil"; } body { display: none; } x {"' }, 'a) { color: red } :lang(b': { family: 'X' } });
    expect(css).toBe(':lang(en) { font-family: "Evil  body  display: none  x", sans-serif; }');
  });

  it('reads back what was stored and drops anything else', () => {
    expect(parseFonts(JSON.stringify({ seh: { family: 'Charis SIL', size: 16 }, en: { family: 3 }, 'bad tag': { family: 'X' }, pt: { family: '', size: 500 } }))).toEqual({ seh: { family: 'Charis SIL', size: 16 } });
    expect(parseFonts('not json')).toEqual({});
    expect(parseFonts(null)).toEqual({});
  });
});

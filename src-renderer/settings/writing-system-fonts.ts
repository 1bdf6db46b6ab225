/**
 * A font per writing system, kept per dictionary in this browser profile (as the work list's
 * columns are) and applied to every element of that `lang` through one generated stylesheet.
 */

/** A writing system's font: a family name, and a size in pixels (absent: the page's). */
export interface WritingSystemFont {
  readonly family: string;
  readonly size?: number;
}

export type WritingSystemFonts = Readonly<Record<string, WritingSystemFont>>;

export const FONT_SIZES = { min: 8, max: 72 } as const;

/** A language tag as :lang() takes it unquoted (BCP 47 letters, digits and hyphens). */
const LANG_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/** A family name made safe inside a CSS string: no quotes, backslashes, braces or control characters. */
export function cleanFamily(family: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return family.replace(/[\u0000-\u001f\u007f"\\{};<>]/g, '').trim().slice(0, 100);
}

/** A stored choice, read defensively: another version (or a hand) may have written it. */
export function parseFonts(text: string | null): WritingSystemFonts {
  if (!text) return {};
  try {
    const raw = JSON.parse(text) as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const fonts: Record<string, WritingSystemFont> = {};
    for (const [lang, value] of Object.entries(raw as Record<string, unknown>)) {
      if (!LANG_TAG.test(lang) || !value || typeof value !== 'object') continue;
      const { family, size } = value as { family?: unknown; size?: unknown };
      const clean = typeof family === 'string' ? cleanFamily(family) : '';
      const px = typeof size === 'number' && Number.isFinite(size) ? Math.round(size) : undefined;
      const sized = px !== undefined && px >= FONT_SIZES.min && px <= FONT_SIZES.max ? { size: px } : {};
      if (clean !== '' || sized.size !== undefined) fonts[lang] = { family: clean, ...sized };
    }
    return fonts;
  } catch {
    return {};
  }
}

/**
 * The stylesheet: one `:lang(xx)` rule per writing system. `:lang(pmi)` also matches
 * `pmi-fonipa`, so more specific tags come later and win over their prefix at equal specificity.
 * The generic family follows the chosen one, so a missing font falls back to a readable one.
 */
export function fontStylesheet(fonts: WritingSystemFonts): string {
  return Object.entries(fonts)
    .filter(([lang]) => LANG_TAG.test(lang))
    .sort(([a], [b]) => a.split('-').length - b.split('-').length || a.localeCompare(b))
    .map(([lang, font]) => {
      const family = cleanFamily(font.family);
      const declarations = [
        family ? `font-family: "${family}", sans-serif;` : '',
        font.size !== undefined && font.size >= FONT_SIZES.min && font.size <= FONT_SIZES.max ? `font-size: ${Math.round(font.size)}px;` : '',
      ].filter(Boolean);
      return declarations.length > 0 ? `:lang(${lang}) { ${declarations.join(' ')} }` : '';
    })
    .filter(Boolean)
    .join('\n');
}

export const fontsKey = (dictionary: string): string => `workset-browser:fonts:${dictionary}`;

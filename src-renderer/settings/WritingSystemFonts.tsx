import { useState } from 'react';
import { Dialog } from '../ui/Dialog.js';
import { useWritingSystemFonts } from './use-writing-system-fonts.js';
import { FONT_SIZES, type WritingSystemFont } from './writing-system-fonts.js';

/** Families offered by name; any installed family may be typed. */
const SUGGESTED = ['Charis SIL', 'Doulos SIL', 'Gentium Plus', 'Andika', 'Noto Sans', 'Noto Serif', 'Noto Sans Thai', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Noto Sans CJK SC', 'Noto Sans Devanagari', 'serif', 'sans-serif', 'monospace'];

interface Props {
  readonly dictionary: string;
  readonly writingSystems: readonly string[];
  readonly onClose: () => void;
}

type Draft = Record<string, { family: string; size: string }>;

/** Chooses a font family and size per writing system of the dictionary, kept in this browser profile. */
export function WritingSystemFonts({ dictionary, writingSystems, onClose }: Props) {
  const [fonts, setFonts] = useWritingSystemFonts(dictionary);
  const langs = [...new Set([...writingSystems, ...Object.keys(fonts)])];
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(langs.map((lang) => [lang, { family: fonts[lang]?.family ?? '', size: fonts[lang]?.size?.toString() ?? '' }])));
  const save = (): void => {
    const chosen: Record<string, WritingSystemFont> = {};
    for (const [lang, { family, size }] of Object.entries(draft)) {
      const px = Number(size);
      const sized = size.trim() !== '' && Number.isFinite(px) ? { size: Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, Math.round(px))) } : {};
      if (family.trim() !== '' || sized.size !== undefined) chosen[lang] = { family: family.trim(), ...sized };
    }
    setFonts(chosen);
    onClose();
  };
  return (
    <Dialog
      title="Fonts of writing systems"
      onClose={onClose}
      testId="fonts-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="fonts-form" className="button primary">
            Save
          </button>
        </>
      }
    >
      <p className="muted small">Kept for {dictionary} in this browser profile; every text in a writing system is shown in its font. Leave a family empty for the app’s own.</p>
      <form
        id="fonts-form"
        className="fonts-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <datalist id="font-families">
          {SUGGESTED.map((family) => (
            <option key={family} value={family} />
          ))}
        </datalist>
        {langs.map((lang) => (
          <div key={lang} className="font-row">
            <span className="lang-tag">{lang}</span>
            <input
              aria-label={`Font family ${lang}`}
              list="font-families"
              maxLength={100}
              value={draft[lang]?.family ?? ''}
              onChange={(event) => setDraft((d) => ({ ...d, [lang]: { family: event.target.value, size: d[lang]?.size ?? '' } }))}
            />
            <input
              aria-label={`Font size ${lang} (px)`}
              type="number"
              min={FONT_SIZES.min}
              max={FONT_SIZES.max}
              className="font-size"
              value={draft[lang]?.size ?? ''}
              onChange={(event) => setDraft((d) => ({ ...d, [lang]: { family: d[lang]?.family ?? '', size: event.target.value } }))}
            />
            <span lang={lang} className="font-sample" style={draft[lang]?.family ? { fontFamily: `"${draft[lang].family.replace(/["\\]/g, '')}", sans-serif` } : undefined}>
              Aa
            </span>
          </div>
        ))}
      </form>
    </Dialog>
  );
}

import { useState } from 'react';
import { WritingSystemFonts } from './WritingSystemFonts.js';

/** "Fonts…": opens the per-writing-system font settings of the dictionary. */
export function FontsButton({ dictionary, writingSystems }: { dictionary: string; writingSystems: readonly string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button small" onClick={() => setOpen(true)} title="A font family and size for each writing system">
        Fonts…
      </button>
      {open && <WritingSystemFonts dictionary={dictionary} writingSystems={writingSystems} onClose={() => setOpen(false)} />}
    </>
  );
}

import type { EntryViewModel } from '../api/contract.js';
import { firstForm, firstFormLang } from './view-text.js';

/** An entry in one line, as previews and search results list it: headword, parts of speech, glosses. */
export function EntrySummary({ entry }: { entry: EntryViewModel }) {
  return (
    <>
      <span className="headword" lang={firstFormLang(entry.headword)} dir="auto">
        {firstForm(entry.headword) || '(no headword)'}
      </span>
      <span className="muted"> {entry.pos.join(', ')}</span>{' '}
      <span lang={firstFormLang(entry.glosses)} dir="auto">
        {firstForm(entry.glosses, '; ')}
      </span>
    </>
  );
}

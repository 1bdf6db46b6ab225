import { useEntry } from '../hooks/use-data.js';
import { namesOf, usePresence } from '../hooks/use-presence.js';
import { UndoControls } from '../undo/UndoControls.js';
import { EntryPane } from './EntryPane.js';
import { firstForm, firstFormLang } from './view-text.js';

interface Props {
  readonly dictionary: string;
  readonly guid: string;
  readonly onBack: () => void;
}

/** One entry on its own (opened from a quick search): the whole entry to read and edit, outside any workset. */
export function EntryView({ dictionary, guid, onBack }: Props) {
  const detail = useEntry(dictionary, guid);
  const present = usePresence({ dictionary, guid });
  const editing = namesOf(present.filter((p) => p.guid === guid));
  const headword = detail.data ? firstForm(detail.data.view.headword) : '';
  return (
    <main className="entry-view" aria-label={headword ? `Entry ${headword}` : 'Entry'}>
      <div className="workset-header entry-view-header">
        <button type="button" className="link-button back" onClick={onBack}>
          ‹ {dictionary}
        </button>
        <h1 className="workset-title" data-testid="entry-title" lang={detail.data ? firstFormLang(detail.data.view.headword) : undefined} dir="auto">
          {headword || 'Entry'}
        </h1>
        <UndoControls enabled />
      </div>
      {editing && (
        <p className="presence" role="status" data-testid="entry-presence">
          {editing} {editing.includes(' and ') ? 'are' : 'is'} editing this entry
        </p>
      )}
      <div className="detail-pane entry-view-pane">
        <EntryPane dictionary={dictionary} guid={guid} />
      </div>
    </main>
  );
}

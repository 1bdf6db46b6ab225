import { useVocabulary } from '../hooks/use-data.js';
import { Dialog } from '../ui/Dialog.js';
import { COLUMN_IDS, COLUMN_LABELS, DEFAULT_CHOICE, TEXT_COLUMNS, type ColumnChoice, type ColumnId, type TextColumn } from './column-choice.js';

interface Props {
  readonly dictionary: string;
  readonly choice: ColumnChoice;
  readonly onChange: (choice: ColumnChoice) => void;
  readonly onClose: () => void;
}

const isText = (id: ColumnId): id is TextColumn => (TEXT_COLUMNS as readonly string[]).includes(id);

/** Which columns the work list shows, and the writing system of each text column; applied as you choose. */
export function ColumnsDialog({ dictionary, choice, onChange, onClose }: Props) {
  const writingSystems = useVocabulary(dictionary).data?.writingSystems ?? [];
  const toggle = (id: ColumnId, on: boolean): void =>
    onChange({ ...choice, shown: COLUMN_IDS.filter((c) => (c === id ? on : choice.shown.includes(c))) });
  const setLang = (id: TextColumn, lang: string): void => {
    const langs = { ...choice.langs };
    if (lang) langs[id] = lang;
    else delete langs[id];
    onChange({ ...choice, langs });
  };
  return (
    <Dialog
      title="Columns"
      onClose={onClose}
      testId="columns-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => onChange(DEFAULT_CHOICE)}>
            As at first
          </button>
          <button type="button" className="button primary" onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      <ul className="columns-list">
        {COLUMN_IDS.map((id) => (
          <li key={id}>
            <label className="checkbox">
              <input type="checkbox" checked={choice.shown.includes(id)} disabled={id === 'headword'} onChange={(event) => toggle(id, event.target.checked)} />
              {COLUMN_LABELS[id]}
            </label>
            {isText(id) && (
              <select aria-label={`Writing system of ${COLUMN_LABELS[id]}`} value={choice.langs[id] ?? ''} onChange={(event) => setLang(id, event.target.value)}>
                <option value="">{id === 'definition' ? 'the first each entry has' : 'the first each entry has (sorts)'}</option>
                {writingSystems.map((ws) => (
                  <option key={ws} value={ws}>
                    {ws}
                  </option>
                ))}
              </select>
            )}
          </li>
        ))}
      </ul>
      <p className="muted small">
        The work list sorts a text column by the form each entry has first. Shown in one chosen writing system, the headword or gloss column does not sort.
      </p>
    </Dialog>
  );
}

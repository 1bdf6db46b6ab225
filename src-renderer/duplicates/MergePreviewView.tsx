import type { MergePreview } from '../api/contract.js';

interface Props {
  readonly preview: MergePreview;
  readonly onChoose: (key: string, guid: string) => void;
}

/** A merge field by field: the kept entry's senses and where each comes from, the values in conflict, what it gains, the relations re-pointed. */
export function MergePreviewView({ preview, onChoose }: Props) {
  const name = (guid: string): string =>
    guid === preview.keep.guid ? `${preview.keep.headword} (kept)` : (preview.merged.find((m) => m.guid === guid)?.headword ?? guid);
  return (
    <div className="merge-preview" data-testid="merge-preview">
      <p>
        The kept entry becomes <strong dir="auto">{preview.headword}</strong>; {preview.merged.map((m) => m.headword).join(', ')} will be deleted (a tombstone is left).
      </p>
      {preview.conflicts.length > 0 && (
        <>
          <h3>Values to choose</h3>
          {preview.conflicts.map((c) => (
            <label key={c.key} className="merge-choice">
              {c.key}{' '}
              <select aria-label={`Value of ${c.key}`} value={c.chosen} onChange={(event) => onChoose(c.key, event.target.value)}>
                {c.values.map((v) => (
                  <option key={v.guid} value={v.guid}>
                    {v.value} — {name(v.guid)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </>
      )}
      <h3>Senses</h3>
      <ul>
        {preview.senses.map((s, i) => (
          <li key={i} className={s.kept ? undefined : 'muted'}>
            <span dir="auto">{s.gloss || '(no gloss)'}</span> — from {name(s.from)}
            {!s.kept && ': the same as an earlier sense, kept once'}
          </li>
        ))}
      </ul>
      {preview.added.length > 0 && (
        <>
          <h3>Also added</h3>
          <ul>
            {preview.added.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {preview.relations.length > 0 && (
        <>
          <h3>Relations re-pointed to the kept entry</h3>
          <ul>
            {preview.relations.map((r, i) => (
              <li key={i}>
                {r.type} of <span dir="auto">{r.headword}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

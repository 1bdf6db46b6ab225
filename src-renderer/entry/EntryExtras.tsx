import type { EntryDocument } from './entry-document.js';
import { FormsRow, withText } from './FormsRow.js';

/** The entry-level facts that are read here but edited elsewhere: traits and custom fields (variants and relations: FormPartsView, RelationsView). */
export function EntryExtras({ doc }: { doc: EntryDocument }) {
  const traits = doc.traits.filter((t) => t.name !== 'morph-type' && t.value !== '');
  const fields = doc.fields.filter((f) => withText(f.forms).length > 0);
  if (traits.length + fields.length === 0) return null;
  return (
    <section className="entry-section" aria-label="More">
      {traits.length > 0 && (
        <p className="traits">
          {traits.map((t, i) => (
            <span key={i} className="chip">
              {t.name}: {t.value}
            </span>
          ))}
        </p>
      )}
      {fields.map((f, i) => (
        <p key={`f${i}`}>
          <span className="label">{f.type}:</span> <FormsRow forms={f.forms} />
        </p>
      ))}
    </section>
  );
}

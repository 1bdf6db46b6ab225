import type { EntryDocument } from './entry-document.js';
import { FormsRow } from './FormsRow.js';

/** The entry-level facts that are read here but edited elsewhere: traits, variants, relations, custom fields. */
export function EntryExtras({ doc }: { doc: EntryDocument }) {
  const traits = doc.traits.filter((t) => t.name !== 'morph-type');
  if (traits.length + doc.variants.length + doc.relations.length + doc.fields.length === 0) return null;
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
      {doc.variants.map((forms, i) => (
        <p key={`v${i}`}>
          <span className="label">Variant:</span> <FormsRow forms={forms} />
        </p>
      ))}
      {doc.relations.map((r, i) => (
        <p key={`r${i}`}>
          <span className="label">{r.type}:</span> <code className="small">{r.ref}</code>
        </p>
      ))}
      {doc.fields.map((f, i) => (
        <p key={`f${i}`}>
          <span className="label">{f.type}:</span> <FormsRow forms={f.forms} />
        </p>
      ))}
    </section>
  );
}

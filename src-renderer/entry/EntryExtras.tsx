import type { EntryDocument } from './entry-document.js';
import { FormsRow, withText } from './FormsRow.js';

/** The entry-level facts that are read here but edited elsewhere: traits, variants, relations, custom fields. */
export function EntryExtras({ doc }: { doc: EntryDocument }) {
  const traits = doc.traits.filter((t) => t.name !== 'morph-type' && t.value !== '');
  // A label is shown only with something after it (Pumi's variants carry no text of their own).
  const variants = doc.variants.filter((forms) => withText(forms).length > 0);
  const fields = doc.fields.filter((f) => withText(f.forms).length > 0);
  const relations = doc.relations.filter((r) => r.ref !== '');
  if (traits.length + variants.length + relations.length + fields.length === 0) return null;
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
      {variants.map((forms, i) => (
        <p key={`v${i}`}>
          <span className="label">Variant:</span> <FormsRow forms={forms} />
        </p>
      ))}
      {relations.map((r, i) => (
        <p key={`r${i}`}>
          <span className="label">{r.type}:</span> <code className="small">{r.ref}</code>
        </p>
      ))}
      {fields.map((f, i) => (
        <p key={`f${i}`}>
          <span className="label">{f.type}:</span> <FormsRow forms={f.forms} />
        </p>
      ))}
    </section>
  );
}

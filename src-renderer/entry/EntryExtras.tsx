import type { EntryDocument } from './entry-document.js';
import { FormsRow, withText } from './FormsRow.js';

/** The entry-level facts that are read here but edited elsewhere: variants and relations (traits and custom fields are EntryFields'). */
export function EntryExtras({ doc }: { doc: EntryDocument }) {
  // A label is shown only with something after it (Pumi's variants carry no text of their own).
  const variants = doc.variants.filter((forms) => withText(forms).length > 0);
  const relations = doc.relations.filter((r) => r.ref !== '');
  if (variants.length + relations.length === 0) return null;
  return (
    <section className="entry-section" aria-label="More">
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
    </section>
  );
}

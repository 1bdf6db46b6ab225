import type { Form } from './entry-document.js';

/** Read-only forms with their writing systems: examples, pronunciations, variants. */
export function FormsRow({ forms, className }: { forms: readonly Form[]; className?: string }) {
  return (
    <span className={className}>
      {forms.map((form, i) => (
        <span key={`${form.lang}-${i}`} className="form">
          <span className="lang-tag">{form.lang}</span> {form.text}
        </span>
      ))}
    </span>
  );
}

import type { Form } from './entry-document.js';

/** Forms that hold text: a form with none is not shown (nor, by its caller, its label). */
export function withText(forms: readonly Form[]): readonly Form[] {
  return forms.filter((form) => form.text !== '');
}

/**
 * Read-only forms with their writing systems: examples, pronunciations, variants. Each text
 * carries its `lang` and `dir="auto"`, so a right-to-left script lays out right and the browser
 * picks the font for the script.
 */
export function FormsRow({ forms, className }: { forms: readonly Form[]; className?: string }) {
  return (
    <span className={className}>
      {withText(forms).map((form, i) => (
        <span key={`${form.lang}-${i}`} className="form">
          <span className="lang-tag">{form.lang}</span>{' '}
          <span lang={form.lang || undefined} dir="auto">
            {form.text}
          </span>
        </span>
      ))}
    </span>
  );
}

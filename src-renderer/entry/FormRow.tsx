import type { ReactNode } from 'react';

/** One row of a sense's or example's forms: what it is and its writing system, then the (editable) text. */
export function FormRow({ name, lang, children }: { name: string; lang: string; children: ReactNode }) {
  return (
    <div className="form-row">
      <dt>
        {name} <span className="lang-tag">{lang}</span>
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

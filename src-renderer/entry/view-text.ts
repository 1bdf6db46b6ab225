/**
 * Text out of the domain's entry view model (forms per writing system): the first non-empty form,
 * or the forms of one language. Lists, previews and the table use the same reading.
 */
export function firstForm(forms: Record<string, string | string[]>, join = ', ', lang?: string): string {
  const pick = lang !== undefined && forms[lang] !== undefined ? [forms[lang]] : Object.values(forms);
  for (const value of pick) {
    const text = Array.isArray(value) ? value.filter(Boolean).join(join) : value;
    if (text) return text;
  }
  return '';
}

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

/** The writing system of the form firstForm reads (undefined when none has text). */
export function firstFormLang(forms: Record<string, string | string[]>, lang?: string): string | undefined {
  if (lang !== undefined && forms[lang] !== undefined) return lang;
  return Object.entries(forms).find(([, value]) => (Array.isArray(value) ? value.some(Boolean) : value !== ''))?.[0];
}

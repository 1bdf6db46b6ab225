/** Whether keys go to a text field (or a select): typing a "d" into a gloss must not mark the entry done, Ctrl+Z there undoes typing. */
export function isTyping(target: EventTarget | Element | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

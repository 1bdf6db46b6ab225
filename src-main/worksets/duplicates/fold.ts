/**
 * A headword or gloss as duplicates are compared: NFC, case-folded, whitespace collapsed and
 * trimmed. Two entries typed once in NFD with extra spaces and once in NFC fold the same.
 */
export function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { C14nCanonicalizationWithComments } from 'xml-crypto';

/**
 * Canonical XML (C14N 1.0, with comments) of a whole file, for comparing an export with its source.
 *
 * xml-crypto canonicalises elements; the document level (comments and processing instructions
 * around the root, joined by line feeds) is done here as the C14N spec says. Comments are kept:
 * BaseX stores them, so an export must give them back too.
 */
export function canonicalFile(file: string): string {
  // TextDecoder drops a UTF-8 BOM, as an XML parser does.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  const document = new DOMParser({
    // XML 1.0 line-end handling; xmldom's default also folds U+2028 and U+0085 (XML 1.1 rules).
    normalizeLineEndings: (source) => source.replace(/\r\n?/g, '\n'),
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${file}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  const c14n = new C14nCanonicalizationWithComments();
  const parts: string[] = [];
  for (let node = document.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE) parts.push(c14n.process(node, {}));
    else if (node.nodeType === node.COMMENT_NODE) parts.push(`<!--${node.nodeValue ?? ''}-->`);
    // xmldom gives the XML declaration as a processing instruction; it is not part of the document.
    else if (node.nodeType === node.PROCESSING_INSTRUCTION_NODE && node.nodeName !== 'xml') {
      const data = node.nodeValue ?? '';
      parts.push(`<?${node.nodeName}${data === '' ? '' : ` ${data}`}?>`);
    }
  }
  return parts.join('\n');
}

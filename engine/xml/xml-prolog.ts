/**
 * Looks at the XML markup without a parser: to refuse a document type declaration (entity expansion, external
 * entities) before parsing, and to say what a non-BPMN document's root element is.
 */
import { fail, ok, type Result } from '../result.js';

export interface RootElement {
  /** The qualified name as written, e.g. `dmn:definitions`. */
  qualifiedName: string;
  namespace?: string;
}

/** Skips the XML declaration, processing instructions, comments and whitespace; returns where the next markup starts. */
function endOfProlog(xml: string): number {
  let index = 0;
  for (;;) {
    while (index < xml.length && ' \t\r\n'.includes(xml[index]!)) index++;
    const closing = xml.startsWith('<?', index) ? '?>' : xml.startsWith('<!--', index) ? '-->' : undefined;
    if (!closing) return index;
    const end = xml.indexOf(closing, index);
    if (end < 0) return xml.length;
    index = end + closing.length;
  }
}

/** Rejects a document type declaration anywhere but in comments and CDATA sections, where it is only text. */
export function rejectDocumentType(xml: string): Result<void> {
  for (let index = xml.indexOf('<!'); index !== -1; index = xml.indexOf('<!', index + 2)) {
    const skipTo = xml.startsWith('<![CDATA[', index) ? ']]>' : xml.startsWith('<!--', index) ? '-->' : undefined;
    if (skipTo) {
      const end = xml.indexOf(skipTo, index);
      if (end === -1) break;
      index = end;
    } else if (xml.slice(index, index + 9).toUpperCase() === '<!DOCTYPE') {
      return fail('A document type declaration (<!DOCTYPE ...>) is not allowed: it could declare entities that expand without bound or read external files');
    }
  }
  return ok(undefined);
}

export function describeRootElement(xml: string): RootElement | undefined {
  const start = endOfProlog(xml);
  const tag = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)([^>]*)>/.exec(xml.slice(start, start + 8192));
  if (!tag) return undefined;
  const qualifiedName = tag[1]!;
  const prefix = qualifiedName.includes(':') ? qualifiedName.split(':')[0] : undefined;
  const declaration = prefix ? `xmlns:${prefix}` : 'xmlns';
  const namespace = [...tag[2]!.matchAll(/\s(xmlns(?::[\w.-]+)?)\s*=\s*["']([^"']*)["']/g)]
    .find((match) => match[1] === declaration)?.[2];
  return { qualifiedName, namespace };
}

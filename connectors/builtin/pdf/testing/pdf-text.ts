/**
 * Reads the text of a PDF back, for tests: each page's content streams are decoded, the strings of the text-showing
 * operators are mapped to Unicode through their font's ToUnicode CMap (embedded fonts show glyph ids, not text).
 * One string per page, one line per text-showing operator.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib';

export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(bytes);
  return document.getPages().map((page) => pageText(document, page));
}

function pageText(document: PDFDocument, page: PDFPage): string {
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  const cmaps = new Map<string, Map<string, string>>();
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = document.context.lookup(ref, PDFDict);
    const toUnicode = font.lookup(PDFName.of('ToUnicode'));
    if (toUnicode instanceof PDFRawStream) cmaps.set(name.asString(), parseToUnicode(decode(toUnicode)));
  }
  const lines: string[] = [];
  let cmap = new Map<string, string>();
  const operators = /(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g;
  for (const match of contentStreams(document, page).join('\n').matchAll(operators)) {
    if (match[1]) cmap = cmaps.get(match[1]) ?? new Map();
    else lines.push((match[2].match(/.{4}/g) ?? []).map((code) => cmap.get(code.toUpperCase()) ?? '\uFFFD').join(''));
  }
  return lines.join('\n');
}

function contentStreams(document: PDFDocument, page: PDFPage): string[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs.map((ref) => {
    const stream = ref instanceof PDFRef ? document.context.lookup(ref) : ref;
    return stream instanceof PDFRawStream ? decode(stream) : '';
  });
}

function decode(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

/** `beginbfchar` pairs and `beginbfrange` ranges (with a start value or an array), code → UTF-16BE text. */
function parseToUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(pair[1].toUpperCase(), utf16(pair[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const start = parseInt(range[1], 16);
      const end = parseInt(range[2], 16);
      const targets = range[3].startsWith('[') ? [...range[3].matchAll(/<([0-9A-Fa-f]+)>/g)].map((target) => target[1]) : undefined;
      for (let code = start; code <= end; code++) {
        const key = code.toString(16).toUpperCase().padStart(range[1].length, '0');
        if (targets) {
          map.set(key, utf16(targets[code - start]));
        } else {
          const first = parseInt(range[3].slice(1, -1), 16) + (code - start);
          map.set(key, String.fromCodePoint(first));
        }
      }
    }
  }
  return map;
}

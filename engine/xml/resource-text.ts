/**
 * Turns deployed bytes into text before any parser sees them: enforces the size limit and decodes XML with the
 * encoding the document declares, so hostile or oversized input is rejected cheaply.
 */
import { fail, ok, type Result } from '../result.js';

/** Zeebe's gateway accepts messages up to 4 MiB by default; no single resource can be larger. */
export const MAX_RESOURCE_BYTES = 4 * 1024 * 1024;

export function checkResourceSize(content: Buffer | string): Result<void> {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
  return bytes > MAX_RESOURCE_BYTES
    ? fail(`The resource is ${bytes} bytes, larger than the limit of ${MAX_RESOURCE_BYTES} bytes`)
    : ok(undefined);
}

const BYTE_ORDER_MARKS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Decodes an XML document: a byte order mark wins, then the XML declaration's `encoding`, then UTF-8. */
export function decodeXml(content: Buffer | string): Result<string> {
  if (typeof content === 'string') return ok(content.replace(/^\uFEFF/, ''));
  const bom = BYTE_ORDER_MARKS.find(({ bytes }) => bytes.every((byte, index) => content[index] === byte));
  const encoding = bom?.encoding ?? declaredEncoding(content) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return fail(`Unsupported text encoding '${encoding}'`);
  }
  try {
    return ok(decoder.decode(content));
  } catch {
    return fail(`Not valid ${encoding} text`);
  }
}

function declaredEncoding(content: Buffer): string | undefined {
  const head = content.subarray(0, 256).toString('latin1');
  return /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
}

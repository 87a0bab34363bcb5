/**
 * What a citizen's file really is, judged by its first bytes, never by the type or name the client sent: PDF, PNG,
 * JPEG, or plain UTF-8 text. Anything else is refused, and so is a name whose ending claims another known type.
 */

export interface SniffedType {
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg' | 'text/plain';
  /** The name endings that fit it. */
  extensions: readonly string[];
}

const PDF: SniffedType = { contentType: 'application/pdf', extensions: ['.pdf'] };
const PNG: SniffedType = { contentType: 'image/png', extensions: ['.png'] };
const JPEG: SniffedType = { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg', '.jpe', '.jfif'] };
const TEXT: SniffedType = { contentType: 'text/plain', extensions: ['.txt', '.text', '.csv'] };
const KNOWN = [PDF, PNG, JPEG, TEXT];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffContentType(bytes: Buffer): SniffedType | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return PNG;
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return JPEG;
  if (bytes.length > 0 && isPlainText(bytes)) return TEXT;
  return undefined;
}

/** UTF-8 without NUL or other control characters than tab, line feed, carriage return and form feed. */
function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** Whether a file name's ending fits the sniffed type: its own ending, or none that names another known type. */
export function nameFits(name: string, type: SniffedType): boolean {
  const lower = name.toLowerCase();
  if (type.extensions.some((extension) => lower.endsWith(extension))) return true;
  return !KNOWN.some((other) => other.extensions.some((extension) => lower.endsWith(extension)));
}

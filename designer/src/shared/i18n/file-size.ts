/** A file's size for people: bytes, kB or MB, whichever reads best, in the app's language (`de` or `en`). */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte'];
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

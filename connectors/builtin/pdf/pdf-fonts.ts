/**
 * Fonts for documents: DejaVu Sans (regular and bold), read at run time from a directory (Debian's
 * /usr/share/fonts/truetype/dejavu by default, `AMTSFLOW_PDF_FONT_DIR` to change), never committed. It covers
 * German (ä ö ü ß), € and the Latin, Greek and Cyrillic scripts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const DEFAULT_FONT_DIR = '/usr/share/fonts/truetype/dejavu';

export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

export class FontLoader {
  private loaded: Promise<FontFiles> | undefined;

  constructor(private readonly directory: string = DEFAULT_FONT_DIR) {}

  /** Read once, on first use, so a missing font fails the first job (with a clear message) rather than the start. */
  fonts(): Promise<FontFiles> {
    this.loaded ??= (async () => {
      const read = async (file: string) => {
        try {
          return new Uint8Array(await readFile(path.join(this.directory, file)));
        } catch (error) {
          this.loaded = undefined;
          throw new Error(`Font ${file} not found in ${this.directory} (install fonts-dejavu-core or set AMTSFLOW_PDF_FONT_DIR): ${(error as Error).message}`);
        }
      };
      return { regular: await read('DejaVuSans.ttf'), bold: await read('DejaVuSans-Bold.ttf') };
    })();
    return this.loaded;
  }
}

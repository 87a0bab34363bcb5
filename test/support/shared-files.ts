/** The real files in ../shared that no one here wrote, which tests read. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const SHARED = new URL('../../../shared/', import.meta.url).pathname;

/** Paths relative to ../shared of the files below `folder` (relative to ../shared) whose names end in `ending`, sorted. */
export function sharedFilesBelow(folder: string, ending: string): string[] {
  return readdirSync(path.join(SHARED, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => path.relative(SHARED, path.join(entry.parentPath, entry.name)))
    .sort();
}

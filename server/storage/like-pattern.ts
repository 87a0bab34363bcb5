/** Text matched with LIKE / ILIKE as it is: its wildcards and the escape character (PostgreSQL's default, `\`) escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The shell scripts the README shows: the one sh block between `<!-- <name>:start ... -->` and `<!-- <name>:end -->`. */
import { readFile } from 'node:fs/promises';

export async function readmeScript(name: string): Promise<string> {
  const readme = await readFile('README.md', 'utf8');
  const section = new RegExp(`<!-- ${name}:start[^>]*-->([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme)?.[1];
  const blocks = [...(section ?? '').matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  if (blocks.length !== 1) throw new Error(`README.md has ${blocks.length} sh blocks in its ${name} section, not one`);
  return blocks[0];
}

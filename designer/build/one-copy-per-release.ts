/**
 * A Vite plugin that bundles one copy of each package release. npm installs a release more than once when it cannot
 * hoist it (the root holds another version): `@bpmn-io/lezer-feel` 3.0.1 sits in three packages' own `node_modules`
 * beside the root's 2.5.0. The files of one release are the same, so every import that lands in such a copy is
 * pointed at the same file of one copy (the shortest path), and the staff app carries it once. Different versions
 * stay apart: this never changes which version a package gets.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

interface PackageCopy {
  dir: string;
  release: string;
}

/** Every package folder below `nodeModules`, nested ones included. */
function packagesBelow(nodeModules: string, into: PackageCopy[] = []): PackageCopy[] {
  if (!existsSync(nodeModules)) return into;
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dirs = entry.name.startsWith('@')
      ? readdirSync(path.join(nodeModules, entry.name), { withFileTypes: true }).filter((inner) => inner.isDirectory()).map((inner) => path.join(nodeModules, entry.name, inner.name))
      : [path.join(nodeModules, entry.name)];
    for (const dir of dirs) {
      const release = releaseOf(dir);
      if (release) into.push({ dir, release });
      packagesBelow(path.join(dir, 'node_modules'), into);
    }
  }
  return into;
}

function releaseOf(dir: string): string | undefined {
  try {
    const { name, version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
    return name && version ? `${name}@${version}` : undefined;
  } catch {
    return undefined;
  }
}

/** The package folder a file of `node_modules` belongs to: the folder (or `@scope/name`) after its last `node_modules`. */
function packageDirOf(file: string): string | undefined {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = file.slice(at + marker.length).split(path.sep);
  const depth = rest[0]?.startsWith('@') ? 2 : 1;
  return rest.length > depth ? file.slice(0, at + marker.length) + rest.slice(0, depth).join(path.sep) : undefined;
}

export function oneCopyPerRelease(repositoryDir: string): Plugin {
  /** Each duplicated copy's folder → the folder of the copy kept. */
  const keptCopy = new Map<string, string>();
  return {
    name: 'amtsflow-one-copy-per-release',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      const byRelease = new Map<string, string[]>();
      for (const { dir, release } of packagesBelow(path.join(repositoryDir, 'node_modules'))) {
        byRelease.set(release, [...(byRelease.get(release) ?? []), realpathSync(dir)]);
      }
      for (const dirs of byRelease.values()) {
        if (dirs.length < 2) continue;
        const [kept, ...others] = [...dirs].sort((a, b) => a.length - b.length || a.localeCompare(b));
        for (const other of others) keptCopy.set(other, kept!);
      }
    },
    async resolveId(source, importer, options) {
      if (keptCopy.size === 0) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return null;
      const dir = packageDirOf(resolved.id);
      const kept = dir && keptCopy.get(dir);
      return kept ? { ...resolved, id: path.join(kept, path.relative(dir, resolved.id)) } : null;
    },
  };
}

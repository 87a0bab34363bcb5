/**
 * The deployed versions of processes (or forms) by id. Deleted versions leave a gap, but the highest version ever
 * deployed is kept, because Zeebe never gives a version number out twice.
 */
import type { Key } from './types.js';

interface Versions {
  keys: Map<number, Key>;
  highest: number;
}

export class DefinitionVersions {
  private readonly byId = new Map<string, Versions>();

  add(id: string, version: number, key: Key): void {
    const versions = this.versionsOf(id);
    versions.keys.set(version, key);
    versions.highest = Math.max(versions.highest, version);
  }

  remove(id: string, version: number): void {
    this.byId.get(id)?.keys.delete(version);
  }

  keyOf(id: string, version: number): Key | undefined {
    return this.byId.get(id)?.keys.get(version);
  }

  /** The key of the highest version that was not deleted. */
  latestKey(id: string): Key | undefined {
    const keys = this.byId.get(id)?.keys;
    if (!keys || keys.size === 0) return undefined;
    return keys.get(Math.max(...keys.keys()));
  }

  /** The key of the highest version below `version` that was not deleted. */
  keyBefore(id: string, version: number): Key | undefined {
    const keys = this.byId.get(id)?.keys;
    const earlier = [...(keys?.keys() ?? [])].filter((candidate) => candidate < version);
    return earlier.length === 0 ? undefined : keys!.get(Math.max(...earlier));
  }

  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  /** The version a new deployment of `id` gets. */
  nextVersion(id: string): number {
    return (this.byId.get(id)?.highest ?? 0) + 1;
  }

  /** For snapshots: the highest version ever deployed, by id. */
  highestVersions(): [string, number][] {
    return [...this.byId].map(([id, versions]) => [id, versions.highest]);
  }

  restoreHighestVersion(id: string, highest: number): void {
    const versions = this.versionsOf(id);
    versions.highest = Math.max(versions.highest, highest);
  }

  private versionsOf(id: string): Versions {
    let versions = this.byId.get(id);
    if (!versions) this.byId.set(id, (versions = { keys: new Map(), highest: 0 }));
    return versions;
  }
}

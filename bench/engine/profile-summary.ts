/**
 * Script: the functions with the most self time in each .cpuprofile of a directory (node --cpu-prof writes one
 * per thread). `npx tsx bench/engine/profile-summary.ts <dir> [top]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function selfTimes(profile: CpuProfile): { total: number; byFunction: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    // tsx runs our TypeScript as one-line modules, so their line numbers say nothing.
    const line = lineNumber > 0 ? `:${lineNumber + 1}` : '';
    const where = url ? ` ${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(engine|bench)\//, '$1/')}${line}` : '';
    const name = `${functionName || '(anonymous)'}${where}`;
    const micros = profile.timeDeltas[i] ?? 0;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    total += micros;
  });
  return { total, byFunction };
}

const [dir, topArg] = process.argv.slice(2);
if (!dir) throw new Error('Usage: profile-summary.ts <directory with .cpuprofile files> [top]');
const top = Number(topArg ?? 15);
for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).sort()) {
  const { total, byFunction } = selfTimes(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile);
  const busy = total - (byFunction.get('(idle)') ?? 0);
  console.log(`\n${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s not idle`);
  console.log('| self ms | % of busy | function |\n|---:|---:|---|');
  const ranked = [...byFunction].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, micros] of ranked) console.log(`| ${(micros / 1000).toFixed(0)} | ${((micros / busy) * 100).toFixed(1)} | \`${name}\` |`);
}

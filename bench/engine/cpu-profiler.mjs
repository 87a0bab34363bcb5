// Preloaded into the engine child through NODE_OPTIONS (`--import`), because Node 20 refuses --cpu-prof there:
// profiles this thread with the inspector and writes BENCH_CPU_PROFILE_DIR/<pid>-<thread>.cpuprofile when it exits.
// Plain JavaScript, because it runs before tsx is registered.
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  const write = () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${process.pid}-${threadId}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.once('exit', write);
}

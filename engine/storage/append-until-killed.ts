/**
 * Fixture for durability.test.ts, run as a child process: appends batches as fast as it can and prints each position
 * once its append has resolved, until it is killed. Usage: node --import tsx append-until-killed.ts '<options json>'
 */
import { openJournal, type StorageOptions } from './index.js';

const RECORDS_PER_BATCH = 10;

const journal = await openJournal(JSON.parse(process.argv[2]!) as StorageOptions);
for (let position = (await journal.lastPosition()) + 1; ; position++) {
  const records = Array.from({ length: RECORDS_PER_BATCH }, (_, index) => ({ position, index, payload: 'x'.repeat(250) }));
  await journal.append({ position, lastKey: String(position), records });
  process.stdout.write(`${position}\n`);
}

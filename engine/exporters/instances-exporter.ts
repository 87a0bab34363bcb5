/**
 * Process instances, the history of their element instances, their variables and incidents, for the operations view
 * (`instance-reads.ts`). This exporter sees nearly every event the engine writes, so it works a page at a time
 * (`InstancePageWrites`): a handful of set-based statements per page instead of statements per event.
 */
import type { CommittedEvent, Exporter, SqlWrite } from './exporter.js';
import { InstancePageWrites } from './instance-page-writes.js';

function writesForPage(events: readonly CommittedEvent[]): SqlWrite[] {
  const page = new InstancePageWrites();
  for (const { event, commit } of events) page.add(event, commit);
  return page.writes();
}

export const instancesExporter: Exporter = {
  name: 'instances',
  writesFor: (event, commit) => writesForPage([{ event, commit }]),
  writesForPage,
};

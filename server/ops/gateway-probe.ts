/** Asks the Zeebe gateway for its topology, the cheapest call that proves it answers; gives up after `timeoutMs`. */
import type { ZBClient } from 'zeebe-node';

export interface GatewayStatus {
  up: boolean;
  brokers?: number;
}

export async function probeGateway(zeebe: ZBClient, timeoutMs = 2000): Promise<GatewayStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
  });
  try {
    const topology = await Promise.race([zeebe.topology(), timeout]);
    return { up: true, brokers: topology.brokers.length };
  } catch {
    return { up: false };
  } finally {
    clearTimeout(timer);
  }
}

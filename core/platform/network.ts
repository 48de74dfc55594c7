import { networkInterfaces } from 'node:os';
import type { NetworkStatus } from '../../shared/api/app';

type Interfaces = ReturnType<typeof networkInterfaces>;

/** Any interface besides loopback with an address counts: in the hall even a cable to one laptop is a network. */
export function networkStatus(interfaces: Interfaces = networkInterfaces()): NetworkStatus {
  const connected = Object.entries(interfaces)
    .filter(([, addresses]) => addresses?.some((address) => !address.internal))
    .map(([name]) => name)
    .sort();
  return { connected: connected.length > 0, interfaces: connected };
}

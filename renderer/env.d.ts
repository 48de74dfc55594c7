import type { Bridge } from '../shared/api/bridge';

declare global {
  interface Window {
    /** Present in the Electron window (from the preload); absent in a browser on the loopback host. */
    congressTally?: Bridge;
  }
}

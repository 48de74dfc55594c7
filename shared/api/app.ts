import { z } from 'zod';
import { idleLockBounds } from '../idle-lock';
import { noInput } from './fields';
import { method, returns } from './method';
import { roles } from '../domain/roles';

export interface NetworkStatus {
  /** Some interface other than loopback has an address: the hall's machines should be offline. */
  connected: boolean;
  /** The connected interfaces, as the operating system names them. */
  interfaces: string[];
}

export interface CongressHeader {
  id: number;
  name: string;
  heldOn: string;
}

export interface ElectionHeader {
  id: number;
  title: string;
}

export interface AppStatus {
  version: string;
  network: NetworkStatus;
  idleLockMinutes: number;
  /** The congress this installation is working on; null until one is created. */
  congress: CongressHeader | null;
  /** The congress's elections, in their set order. */
  elections: ElectionHeader[];
}

export const appMethods = {
  'app.status': method({ input: noInput, access: 'public', output: returns<AppStatus>() }),
  'app.setIdleLockMinutes': method({
    input: z.strictObject({
      minutes: z
        .number({ error: '应为分钟数' })
        .int('应为整数分钟')
        .min(idleLockBounds.min, `不能少于 ${idleLockBounds.min} 分钟`)
        .max(idleLockBounds.max, `不能超过 ${idleLockBounds.max} 分钟`),
    }),
    access: ['admin'],
    output: returns<{ idleLockMinutes: number }>(),
  }),
  /** Opens the projector window; `opened: false` means the caller shows `#/projector` itself. */
  'app.openProjector': method({
    input: noInput,
    access: roles,
    output: returns<{ opened: boolean }>(),
  }),
};

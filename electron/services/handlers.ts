import type { Methods } from '../../shared/api';
import { appHandlers } from './app';
import { backupHandlers } from './backup';
import { checkinHandlers } from './checkin';
import { congressHandlers } from './congress';
import type { ServiceContext } from './context';
import { delegatesHandlers } from './delegates';
import type { Handlers } from './dispatch';
import { electionsHandlers } from './elections';
import { entryHandlers } from './entry';
import { exportHandlers } from './export';
import { issuanceHandlers } from './issuance';
import { peopleHandlers } from './people';
import { printoutsHandlers } from './printouts';
import { resultsHandlers } from './results';
import { sessionHandlers } from './session';

/** Every method's handler; the type makes a method without a handler a compile error. */
export function allHandlers(ctx: ServiceContext): Handlers<Methods> {
  return {
    ...sessionHandlers(ctx),
    ...peopleHandlers(ctx),
    ...appHandlers(ctx),
    ...congressHandlers(ctx),
    ...delegatesHandlers(ctx),
    ...electionsHandlers(ctx),
    ...printoutsHandlers(ctx),
    ...checkinHandlers(ctx),
    ...issuanceHandlers(ctx),
    ...entryHandlers(ctx),
    ...resultsHandlers(ctx),
    ...exportHandlers(ctx),
    ...backupHandlers(ctx),
  };
}

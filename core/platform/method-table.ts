import type { Methods } from '../../shared/api';
import { announceHandlers } from '../announce/handlers';
import { appHandlers } from './app';
import { archiveHandlers } from '../setup/archive';
import { backupHandlers } from '../export/backup/handlers';
import { checkinHandlers } from '../checkin/checkin';
import { congressHandlers } from '../setup/congress';
import type { ServiceContext } from './context';
import { delegatesHandlers } from '../setup/delegates';
import type { Handlers } from './dispatch';
import { electionsHandlers } from '../setup/elections';
import { entryHandlers } from '../entry/handlers';
import { exportHandlers } from '../export/package/handlers';
import { issuanceHandlers } from '../issuance/issuance';
import { keyringHandlers } from '../export/keyring/handlers';
import { peopleHandlers } from './people';
import { printoutsHandlers } from '../reports/handlers';
import { resultsHandlers } from '../results/handlers';
import { scanHandlers } from '../entry/scan/handlers';
import { sessionHandlers } from './session';

/** Every method's handler; the type makes a method without a handler a compile error. */
export function allHandlers(ctx: ServiceContext): Handlers<Methods> {
  return {
    ...sessionHandlers(ctx),
    ...peopleHandlers(ctx),
    ...appHandlers(ctx),
    ...congressHandlers(ctx),
    ...archiveHandlers(ctx),
    ...delegatesHandlers(ctx),
    ...electionsHandlers(ctx),
    ...printoutsHandlers(ctx),
    ...checkinHandlers(ctx),
    ...issuanceHandlers(ctx),
    ...entryHandlers(ctx),
    ...scanHandlers(ctx),
    ...resultsHandlers(ctx),
    ...announceHandlers(ctx),
    ...exportHandlers(ctx),
    ...keyringHandlers(ctx),
    ...backupHandlers(ctx),
  };
}

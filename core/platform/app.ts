import type { appMethods, AppStatus } from '../../shared/api/app';
import { ok } from '../../shared/api/result';
import { currentCongress } from './congress-rules';
import { audit, type ServiceContext } from './context';
import type { Handlers } from './dispatch';
import { idleLockMinutes, setIdleLockMinutes } from './idle-lock';

export function appHandlers(ctx: ServiceContext): Handlers<typeof appMethods> {
  return {
    'app.status': () => ok(status(ctx)),

    'app.setIdleLockMinutes': ({ minutes }, session) => {
      ctx.store.transaction(() => {
        const before = idleLockMinutes(ctx);
        setIdleLockMinutes(ctx, minutes);
        audit(ctx, session, 'app.idleLockMinutes', { before, after: minutes });
      });
      return ok({ idleLockMinutes: minutes });
    },

    'app.openProjector': () => ok({ opened: ctx.display.openProjector() }),
  };
}

/** The congress worked on is the current one (set-up chooses it); its elections in agenda order. */
function status(ctx: ServiceContext): AppStatus {
  const congress = currentCongress(ctx.store);
  return {
    version: ctx.version,
    network: ctx.network(),
    idleLockMinutes: idleLockMinutes(ctx),
    congress: congress ? { id: congress.id, name: congress.name, heldOn: congress.heldOn } : null,
    elections: congress
      ? ctx.store.elections.listByCongress(congress.id).map(({ id, title }) => ({ id, title }))
      : [],
  };
}

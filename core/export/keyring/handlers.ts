import type { Session } from '../../platform/session-registry';
import type { keyringMethods } from '../../../shared/api/keyring';
import { ok } from '../../../shared/api/result';
import type { Actor, ServiceContext } from '../../platform/context';
import type { Handlers } from '../../platform/dispatch';
import { importKeyring, keyringFile } from './file';
import { entryInfo, registerKey, registerSigner, withdrawKey } from './keyring';
import { surveyFolder } from './survey';
import { surveyWorkbook } from './xlsx';

/**
 * The county office changes its keyring without signing in: the person names themself, and the
 * audit row records that name with the role of whoever is signed in, or 'verifier'.
 */
function actorOf(by: string, session: Session | null): Actor {
  return { name: by, role: session?.role ?? 'verifier' };
}

export function keyringHandlers(ctx: ServiceContext): Handlers<typeof keyringMethods> {
  const { store } = ctx;
  return {
    'keyring.list': () => ok(store.keyring.all().map(entryInfo)),
    'keyring.register': ({ by, ...request }, session) =>
      registerKey(store, actorOf(by, session), request),
    'keyring.registerSigner': ({ by, package: base64, reason }, session) =>
      registerSigner(store, actorOf(by, session), {
        package: Buffer.from(base64, 'base64'),
        reason,
      }),
    'keyring.withdraw': ({ by, ...request }, session) =>
      withdrawKey(store, actorOf(by, session), request),
    'keyring.export': () => ok(keyringFile(store, ctx.now())),
    'keyring.import': ({ by, content }, session) =>
      importKeyring(store, actorOf(by, session), content),
    'keyring.survey': ({ folder }) => surveyFolder(store, folder),
    'keyring.surveyXlsx': async ({ folder }) => {
      const survey = await surveyFolder(store, folder);
      if (!survey.ok) return survey;
      const at = ctx.now();
      const bytes = await surveyWorkbook(survey.value, at);
      const stamp = at.toISOString().slice(0, 10).replaceAll('-', '');
      return ok({
        fileName: `报送汇总-${stamp}.xlsx`,
        base64: Buffer.from(bytes).toString('base64'),
        survey: survey.value,
      });
    },
  };
}

import { fail, ok, type Result } from '../../../shared/api/result';
import type { ScanImage, scanMethods } from '../../../shared/api/scan';
import { checkFolder } from '../../platform/durable-files';
import type { ServiceContext } from '../../platform/context';
import type { Handlers } from '../../platform/dispatch';
import { notFound } from '../../platform/lookup';
import type { Session } from '../../platform/session-registry';
import { writablePass } from '../ballot-entry';
import { findBox } from '../boxes';
import { confirmMany, confirmSheet, settleSheet } from './confirm';
import { loadImage } from './images';
import { takeFiles } from './intake';
import { sheetList, visiblePass } from './sheets';
import { scanWatchers } from './watch';

/** 扫描录入: sheets from a watched folder, picked files or the camera, confirmed by the teller. */
export function scanHandlers(ctx: ServiceContext): Handlers<typeof scanMethods> {
  const { store } = ctx;
  const watchers = scanWatchers(ctx);
  return {
    'scan.sheets': (input, session) =>
      sheetList(store, session, input, (tellerId) => watchers.status(input.boxId, tellerId)),
    'scan.image': (input, session) => image(ctx, session, input),
    'scan.submitFiles': ({ boxId, files }, session) =>
      takeFiles(ctx, session, {
        boxId,
        files: files.map((f) => ({ name: f.name, bytes: Buffer.from(f.content, 'base64') })),
      }),
    'scan.submitFrame': ({ boxId, content }, session) =>
      takeFiles(ctx, session, {
        boxId,
        files: [{ name: '摄像头画面', bytes: Buffer.from(content, 'base64') }],
        kinds: ['jpeg', 'png'],
      }),
    'scan.watch': async ({ boxId, folder }, session) => {
      const found = findBox(store, boxId);
      if (!found.ok) return found;
      const pass = writablePass(store, found.value, session);
      if (!pass.ok) return pass;
      const checked = await checkFolder(folder);
      if (!checked.ok) return checked;
      await watchers.start(boxId, checked.value, session);
      return ok({ boxId, folder: checked.value });
    },
    'scan.unwatch': ({ boxId }, session) => {
      if (watchers.status(boxId, session.personId) === null) {
        return fail('not-found', '您没有在为这个票箱监视文件夹', { field: 'boxId' });
      }
      watchers.stop(boxId);
      return ok({ boxId, folder: null });
    },
    'scan.confirm': (input, session) => confirmSheet(ctx, session, input),
    'scan.confirmMany': (input, session) => confirmMany(ctx, session, input),
    'scan.refuse': ({ sheetId, reason }, session) =>
      settleSheet(ctx, session, { sheetId, status: 'refused', reason }),
    'scan.skip': ({ sheetId }, session) =>
      settleSheet(ctx, session, { sheetId, status: 'skipped', reason: '不是选票，略过' }),
  };
}

/** The page image behind a sheet or a confirmed ballot, for whoever may see that pass. */
async function image(
  ctx: ServiceContext,
  session: Session,
  input: { sheetId?: number | undefined; ballotId?: number | undefined; page?: number | undefined },
): Promise<Result<ScanImage>> {
  const { store } = ctx;
  const sheet =
    input.sheetId !== undefined
      ? store.scan.sheetById(input.sheetId)
      : input.ballotId !== undefined
        ? store.scan.sheetOfBallot(input.ballotId)
        : undefined;
  if (!sheet) {
    return input.sheetId !== undefined
      ? notFound('sheetId')
      : fail('not-found', '这张选票不是扫描录入的，没有图像', { field: 'ballotId' });
  }
  const pass = store.ballots.passById(sheet.passId);
  const found = pass ? findBox(store, pass.boxId) : undefined;
  if (!pass || !found?.ok) throw new Error(`scan sheet ${sheet.id} has no box`);
  const visible = visiblePass(store, session, found.value, pass.pass);
  if (!visible.ok) return visible;
  const page = sheet.pages.find((p) => input.page === undefined || p.page === input.page);
  if (!page) return fail('not-found', `这张扫描件没有第 ${input.page ?? 1} 页`, { field: 'page' });
  const bytes = await loadImage(store.file, page.image);
  if (!bytes) {
    return fail(
      'unavailable',
      `扫描图像 ${page.image.slice(0, 12)}… 在数据库旁的图像文件夹中缺失或已被改动`,
    );
  }
  const dataUrl = `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
  return ok({ digest: page.image, mime: 'image/png', dataUrl });
}

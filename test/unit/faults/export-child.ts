import { openServices } from '../../../core/platform/open';

/*
 * Run by export-disk-full.test.ts under a file-size limit: the 总监票人 exports the congress's
 * package into the folder, with reports of 1.5 MB each, and the result is printed.
 */
const [file = '', folder = ''] = process.argv.slice(2);
const services = openServices({
  file,
  display: { openProjector: () => false },
  network: () => ({ connected: false, interfaces: [] }),
  log: { error: () => undefined },
  printPdf: () => Promise.resolve(new Uint8Array(1536 * 1024).fill(0x25)),
});
const chief = services.store.people.list().find((p) => p.role === 'chief-scrutineer');
const congress = services.store.congresses.list()[0];
if (!chief || !congress) throw new Error('the test database has no 总监票人 or no congress');
const token = services.context.sessions.open(chief).token;
const result = await services.dispatch(
  'export.package',
  { congressId: congress.id, folder },
  token,
);
services.close();
process.stdout.write(JSON.stringify(result));

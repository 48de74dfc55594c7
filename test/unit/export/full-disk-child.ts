import { writePackage } from '../../../core/export/package/writer';

/*
 * Run under a file-size limit (ulimit -f) by full-disk.test.ts: writes a package bigger than the
 * limit allows and prints what writePackage said.
 */
const folder = process.argv[2] ?? '';
const parts = [Buffer.alloc(1024 * 1024, 0x41), Buffer.alloc(1024 * 1024, 0x42)];
const result = await writePackage(folder, '结果包.zip', parts);
process.stdout.write(JSON.stringify(result));

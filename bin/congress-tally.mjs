#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/main.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('congress-tally: 未找到构建产物，请先运行 npm run build\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));

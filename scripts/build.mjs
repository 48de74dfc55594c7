// Builds the main process, the preload, the command line and the renderer into dist/.
import { build as esbuild } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawText } from './raw-text.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [rawText],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};

const targets = [
  {
    entry: 'electron/main.ts',
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    packages: 'external',
  },
  {
    entry: 'electron/preload.ts',
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  },
  {
    entry: 'cli/main.ts',
    outfile: 'dist/cli/main.mjs',
    format: 'esm',
    packages: 'external',
  },
];

const started = Date.now();
for (const { entry, ...options } of targets) {
  if (!existsSync(resolve(root, entry))) continue;
  await esbuild({
    ...common,
    ...options,
    entryPoints: [resolve(root, entry)],
    outfile: resolve(root, options.outfile),
  });
}
if (existsSync(resolve(root, 'renderer/index.html'))) {
  const { build: vite } = await import('vite');
  await vite({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
}
console.log(`built in ${Date.now() - started} ms`);

// Shared by the build and by tests that bundle project code with esbuild.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** `import text from './file.sql?raw'` as Vite understands it, for esbuild. */
export const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      namespace: 'raw-text',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

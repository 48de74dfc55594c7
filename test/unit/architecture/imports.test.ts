import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `path`, and returns the import-rule messages. */
async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId?.endsWith('no-restricted-imports') === true)
    .map((message) => message.message);
}

describe('the folder import rule', () => {
  it.each([
    ['core/entry/handlers.ts', "import { App } from '../../renderer/App';"],
    ['core/entry/handlers.ts', "import { app } from 'electron';"],
    ['core/entry/handlers.ts', "import { serve } from '../../cli/serve';"],
    ['db/store.ts', "import { allHandlers } from '../core/platform/method-table';"],
    ['shared/tally/index.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/tally/index.ts', "import { readFileSync } from 'fs';"],
    ['shared/tally/index.ts', "import { openStore } from '../../db/store';"],
    ['renderer/App.tsx', "import { openStore } from '../db/store';"],
    ['renderer/App.tsx', "import { allHandlers } from '../core/platform/method-table';"],
    ['electron/main.ts', "import { App } from '../renderer/App';"],
  ])('refuses %s importing across the line: %s', async (path, line) => {
    const errors = await importErrors(path, `${line}\nexport const touch = 1;\n`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toContain('ARCHITECTURE.md');
  });

  it.each([
    ['core/entry/handlers.ts', "import { openStore } from '../../db/store';"],
    ['cli/serve.ts', "import { startHost } from '../electron/host/server';"],
    ['renderer/App.tsx', "import type { Methods } from '../shared/api';"],
    ['db/store.ts', "import { canMove } from '../shared/domain/rounds';"],
  ])('lets %s import what its layer allows: %s', async (path, line) => {
    expect(await importErrors(path, `${line}\nexport const touch = 1;\n`)).toEqual([]);
  });
});

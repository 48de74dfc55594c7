import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * What each top-level folder may import (ARCHITECTURE.md): shared/ is pure and used by both sides;
 * db/ knows SQL; core/ is the services in plain Node; electron/ is the shell; renderer/ reaches
 * main only through the API; cli/ and bench/ drive core/ from the command line.
 */
const folders = {
  shared: ['db', 'core', 'electron', 'renderer', 'cli', 'bench'],
  db: ['core', 'electron', 'renderer', 'cli', 'bench'],
  core: ['electron', 'renderer', 'cli', 'bench'],
  electron: ['renderer', 'cli', 'bench'],
  renderer: ['db', 'core', 'electron', 'cli', 'bench'],
  cli: ['electron', 'renderer'],
  bench: ['electron', 'renderer'],
};

/** Node's built-in modules, with or without `node:` (a subpath such as fs/promises follows `/`). */
const nodeBuiltins = [
  'node:.*',
  ...new Set(
    builtinModules.filter((name) => !name.startsWith('node:')).map((name) => name.split('/')[0]),
  ),
];

/** What runs only in main: shared/ runs on both sides and the renderer in the browser. */
const mainOnly = [
  ...nodeBuiltins,
  'electron',
  'better-sqlite3',
  'sharp',
  'mupdf',
  'playwright-core',
];

const packagesOf = {
  shared: mainOnly,
  db: ['electron'],
  core: ['electron'],
  electron: [],
  renderer: mainOnly,
  cli: ['electron'],
  bench: ['electron'],
};

/** The loopback host lives with the shell but runs in plain Node: the command line serves it. */
const allowed = { cli: ['electron/host'], bench: ['electron/host'] };

function layers() {
  return Object.entries(folders).map(([folder, forbidden]) => ({
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)(${forbidden.map((name) => (allowed[folder]?.includes(`${name}/host`) ? `${name}(?!/host/)` : name)).join('|')})(/|$)`,
              message: `${folder}/ may not import this (ARCHITECTURE.md).`,
            },
            ...(packagesOf[folder].length > 0
              ? [
                  {
                    regex: `^(${packagesOf[folder].join('|')})(/|$)`,
                    message: `${folder}/ may not import this package (ARCHITECTURE.md).`,
                  },
                ]
              : []),
          ],
        },
      ],
      ...(folder === 'renderer' && {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['**/shared/api', '**/shared/api/*'],
                allowTypeImports: true,
                message:
                  'The renderer imports only types from the API contract (its schemas stay in main).',
              },
            ],
          },
        ],
      }),
    },
  }));
}

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', 'dist/', 'release/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...layers(),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);

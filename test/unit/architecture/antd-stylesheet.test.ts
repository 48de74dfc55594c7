import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as LightningCss from 'lightningcss';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAntdStylesheet } from '../../../scripts/antd-stylesheet';
import { antdExportsUsedBy, namesImportedFromAntd } from '../../../scripts/antd-usage';

const root = resolve(import.meta.dirname, '../../..');
const from = join(root, 'package.json');

/** A stylesheet's rules at the top level (an @media block with what it holds), as printed. */
function rules(css: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i += 1) {
    if (css[i] === '{') depth += 1;
    if (css[i] === '}' && --depth === 0) {
      found.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return found;
}

/** CSS as the build's minifier prints it, so that two sources compare rule by rule. */
function printed(css: string): string {
  const load = createRequire(createRequire(from).resolve('vite'));
  const { transform } = load('lightningcss') as typeof LightningCss;
  return transform({
    filename: 'x.css',
    code: Buffer.from(css),
    errorRecovery: true,
  }).code.toString();
}

describe('the antd stylesheet made at build time', () => {
  it("has every rule of antd's own stylesheet when made for all components", () => {
    // antd's dist/antd.css is made unhashed, carries its default theme's variables (which the
    // app leaves to antd at run time) and a map for server rendering: compare like with like.
    const ours = new Set(rules(renderAntdStylesheet({ hashed: false }, from)));
    const shipped = readFileSync(createRequire(from).resolve('antd/dist/antd.css'), 'utf8');
    const missing = rules(printed(shipped)).filter(
      (rule) => !/^\.(css-var-|data-ant-cssinjs-cache-path)/.test(rule) && !ours.has(rule),
    );
    expect(missing).toEqual([]);
  }, 60_000);

  it("follows a component's code to the components it shows", () => {
    const used = antdExportsUsedBy(['Table'], from);
    for (const name of ['Table', 'Pagination', 'Checkbox', 'Radio', 'Dropdown', 'Spin', 'Empty']) {
      expect(used).toContain(name);
    }
    for (const name of ['Tour', 'Upload', 'Carousel']) expect(used).not.toContain(name);
  });
});

describe('the antd components the sources import', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function sources(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'ct-antd-usage-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it('are the names imported from antd, types and renamings included, locales left out', () => {
    const dir = sources({
      'App.tsx':
        "import { App as AntApp, ConfigProvider } from 'antd';\nimport zhCN from 'antd/locale/zh_CN';",
      'pages/a/Page.tsx': "import {\n  Button,\n  type InputRef,\n  Table,\n} from 'antd';",
      'stores/s.ts': "import type { FormInstance } from 'antd';",
    });
    expect(namesImportedFromAntd(dir)).toEqual([
      'App',
      'Button',
      'ConfigProvider',
      'FormInstance',
      'InputRef',
      'Table',
    ]);
  });

  it('are all of them when an import cannot be read by name', () => {
    expect(namesImportedFromAntd(sources({ 'a.ts': "import * as antd from 'antd';" }))).toBeNull();
    expect(
      namesImportedFromAntd(sources({ 'b.ts': "import Button from 'antd/es/button';" })),
    ).toBeNull();
  });
});

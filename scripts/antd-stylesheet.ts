import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as CssInJs from '@ant-design/cssinjs';
import type * as AntdModule from 'antd';
import type { ThemeConfig } from 'antd';
import type * as LightningCss from 'lightningcss';
import type * as ReactModule from 'react';
import type { ComponentType, createElement, ReactNode } from 'react';
import type * as ReactDomServer from 'react-dom/server';
import type { Plugin } from 'vite';
import { antdExportsUsedBy, namesImportedFromAntd } from './antd-usage.ts';

/*
 * antd styles its components at run time by default: the first time a component renders, antd
 * turns its style rules into CSS and inserts it into the page, which took most of the sign-in
 * screen's start. With `theme.zeroRuntime` it inserts none and expects a stylesheet instead; this
 * makes that stylesheet at build time, under the app's own theme, by rendering every antd
 * component once on the server side and taking the CSS antd registered for them — the rules it
 * would have inserted in the page. The theme's values reach those rules through CSS variables,
 * which antd still sets at run time from the theme on ConfigProvider.
 */

type Antd = typeof AntdModule;
type Render = (antd: Antd, h: typeof createElement) => ReactNode;

/**
 * The parts of components that have styles of their own, registered only when the part is there:
 * each is rendered with the part. Every other component is rendered bare.
 */
const withParts: Record<string, Render> = {
  Affix: ({ Affix }, h) => h(Affix, null, h('div')),
  Badge: ({ Badge }, h) => [h(Badge, { key: 1 }), h(Badge.Ribbon, { key: 2 })],
  Cascader: ({ Cascader }, h) => [h(Cascader, { key: 1 }), h(Cascader.Panel, { key: 2 })],
  Dropdown: ({ Dropdown }, h) => h(Dropdown, { menu: { items: [] } }, h('div')),
  Form: ({ Form, Input }, h) => h(Form, null, h(Form.Item, { label: '·' }, h(Input))),
  Input: ({ Input }, h) =>
    [Input, Input.Search, Input.TextArea, Input.Password, Input.OTP].map((Part, key) =>
      h(Part as ComponentType, { key }),
    ),
  Layout: ({ Layout }, h) => h(Layout, null, h(Layout.Sider)),
  Menu: ({ Menu }, h) => h(Menu, { items: [] }),
  Modal: ({ Modal }, h) => {
    const Panel = Modal._InternalPanelDoNotUseOrYouWillBeFired;
    return [h(Modal, { key: 1 }), h(Panel, { key: 2 }), h(Panel, { key: 3, type: 'confirm' })];
  },
  QRCode: ({ QRCode }, h) => h(QRCode, { value: '·' }),
  Space: ({ Space, Button }, h) => [
    h(Space, { key: 1 }),
    h(Space.Compact, { key: 2 }, h(Button)),
    h(Space.Addon, { key: 3, children: '·' }),
  ],
  Tag: ({ Tag }, h) => [h(Tag, { key: 1, color: 'blue' }), h(Tag, { key: 2, color: 'success' })],
  Tree: ({ Tree }, h) => h(Tree, { treeData: [] }),
  message: ({ message }, h) => h(message._InternalPanelDoNotUseOrYouWillBeFired),
  notification: ({ notification }, h) => h(notification._InternalPanelDoNotUseOrYouWillBeFired),
};

/** Exports of antd that are not components with a style: the provider itself and a hook. */
const notStyled = new Set(['ConfigProvider', 'Grid']);

/**
 * The CSS antd registers for its components under `theme`, as one stylesheet: for the exports
 * named in `only`, or for all. `from` is a file to resolve antd and React from.
 */
export function renderAntdStylesheet(
  theme: ThemeConfig,
  from: string,
  only: ReadonlySet<string> | null = null,
): string {
  const load = createRequire(from);
  const React = load('react') as typeof ReactModule;
  const { renderToString } = load('react-dom/server') as typeof ReactDomServer;
  const antd = load('antd') as Antd;
  const cssinjs = load('@ant-design/cssinjs') as typeof CssInJs;
  const h = React.createElement;
  const components = Object.keys(antd)
    .filter((name) => /^[A-Z]/.test(name) || name in withParts)
    .filter((name) => !notStyled.has(name) && (only === null || only.has(name)))
    .map((name) => {
      const render = withParts[name];
      const part = render
        ? render(antd, h)
        : h(antd[name as keyof Antd] as unknown as ComponentType);
      return h(React.Fragment, { key: name }, part);
    });
  const cache = cssinjs.createCache();
  renderToString(
    h(
      cssinjs.StyleProvider,
      { cache },
      h(antd.ConfigProvider, { theme: { ...theme, zeroRuntime: false } }, components),
    ),
  );
  const css = cssinjs.extractStyle(cache, { plain: true, types: 'style' });
  // The map of what was extracted is for pages rendered on a server; nothing here reads it.
  return withoutInvalidRules(css.replace(/\.data-ant-cssinjs-cache-path\{content:"[^"]*";\}/, ''));
}

/**
 * The stylesheet without the rules a browser drops as invalid (antd has a few, with a selector
 * that cannot be parsed; inserted at run time they were dropped too), which the build's CSS
 * minifier would refuse: read with the minifier's own parser, which skips them.
 */
function withoutInvalidRules(css: string): string {
  const lightningcss = createRequire(createRequire(import.meta.url).resolve('vite'))(
    'lightningcss',
  ) as typeof LightningCss;
  const { code } = lightningcss.transform({
    filename: 'antd.css',
    code: Buffer.from(css),
    errorRecovery: true,
  });
  return code.toString();
}

/** What the stylesheet depends on: the theme, the components, the packages, and this code. */
function cacheKey(theme: ThemeConfig, used: readonly string[] | null, from: string): string {
  const load = createRequire(from);
  const packages = ['antd', '@ant-design/cssinjs', '@ant-design/cssinjs-utils', 'react-dom'];
  const versions = packages.map(
    (name) => (load(`${name}/package.json`) as { version: string }).version,
  );
  return createHash('sha256')
    .update(JSON.stringify([theme, used, versions, process.env.NODE_ENV]))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(fileURLToPath(new URL('antd-usage.ts', import.meta.url))))
    .digest('hex')
    .slice(0, 16);
}

const id = 'virtual:antd.css';

/**
 * `import 'virtual:antd.css'`: the stylesheet for `theme`, of the components the app's sources
 * (Vite's root) can show. Rendering it takes seconds, so it is kept under node_modules/.cache and
 * made again only when what it depends on changes; the one it replaces is removed.
 */
export function antdStylesheet(theme: ThemeConfig): Plugin {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const from = join(root, 'package.json');
  const cache = join(root, 'node_modules', '.cache', 'antd-stylesheet');
  let sources = root;
  return {
    name: 'antd-stylesheet',
    configResolved(config) {
      sources = config.root;
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loaded) {
      if (loaded !== `\0${id}`) return undefined;
      const used = namesImportedFromAntd(sources);
      const file = join(cache, `${cacheKey(theme, used, from)}.css`);
      if (existsSync(file)) return readFileSync(file, 'utf8');
      const css = renderAntdStylesheet(theme, from, used && antdExportsUsedBy(used, from));
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache, { recursive: true });
      writeFileSync(file, css);
      return css;
    },
  };
}

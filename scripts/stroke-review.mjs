// Lists, for review against the 通用规范汉字笔顺规范, every character whose 姓氏笔画 classes rest on a
// stroke name other than 横 竖 撇 点 提 捺: grouped by that name, each with its class digits.
// Run after updating cnchar or the override table: node scripts/stroke-review.mjs [name...]
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const PLAIN = new Set(['横', '竖', '撇', '点', '提', '捺']);
const root = resolve(import.meta.dirname, '..');

async function load() {
  const bundled = await build({
    stdin: {
      contents: [
        "export { classOfStroke, strokeClasses } from './shared/names/strokes';",
        "export { STROKE_OVERRIDES } from './shared/names/overrides';",
        "export { COMPOUND_SURNAMES } from './shared/names/surnames';",
        "export { default as cnchar } from 'cnchar';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const dir = mkdtempSync(join(tmpdir(), 'stroke-review-'));
  const file = join(dir, 'names.mjs');
  writeFileSync(file, bundled.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

const { classOfStroke, strokeClasses, STROKE_OVERRIDES, COMPOUND_SURNAMES, cnchar } = await load();

function strokeNames(ch) {
  const override = STROKE_OVERRIDES[ch];
  if (override !== undefined) return override.split(' ');
  if (ch.length !== 1) return null;
  const result = cnchar.stroke(ch, 'order', 'name');
  return Array.isArray(result) && Array.isArray(result[0]) ? result[0] : null;
}

const characters = new Set(Object.keys(STROKE_OVERRIDES));
for (const surname of COMPOUND_SURNAMES) for (const ch of surname) characters.add(ch);
for (let code = 0x3400; code <= 0xffff; code++) {
  const ch = String.fromCodePoint(code);
  const count = cnchar.stroke(ch);
  if (typeof count === 'number' && count > 0) characters.add(ch);
}

const byName = new Map();
const missing = [];
for (const ch of characters) {
  const names = strokeNames(ch);
  const classes = strokeClasses(ch);
  if (names === null || classes === null) {
    missing.push(ch);
    continue;
  }
  for (const name of new Set(names)) {
    if (PLAIN.has(name)) continue;
    const entries = byName.get(name) ?? [];
    entries.push(`${ch}${classes}`);
    byName.set(name, entries);
  }
}

const wanted = process.argv.slice(2);
const names = [...byName.keys()].filter((name) => wanted.length === 0 || wanted.includes(name));
for (const name of names.sort((a, b) => byName.get(b).length - byName.get(a).length)) {
  const entries = byName.get(name);
  console.log(`\n${name}  class ${classOfStroke(name)}, ${entries.length} characters`);
  for (let i = 0; i < entries.length; i += 10) console.log(entries.slice(i, i + 10).join(' '));
}
console.log(
  `\n${characters.size} characters, ${missing.length} without stroke order: ${missing.join('')}`,
);

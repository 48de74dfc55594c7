// Lists, for review against the 通用规范汉字笔顺规范, every character whose 姓氏笔画 classes rest on a
// stroke name other than 横 竖 撇 点 提 捺: grouped by that name, each with its class digits.
// Run after updating cnchar or the override table (docs/strokes.md says how to read the output):
//   node scripts/stroke-review.mjs [--table FILE] [name...]
// FILE is the 通用规范汉字表 in its own order, one character a line (a code point or a number beside
// it is ignored). With it, the review also lists the table's characters without stroke data and
// checks the classes against the table's order: within each level the table runs by stroke count,
// then by stroke classes, so a character that sorts before its predecessor has a wrong class.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const PLAIN = new Set(['横', '竖', '撇', '点', '提', '捺']);
/** The sizes of the table's three levels: 一级 3,500, 二级 3,000, 三级 1,605. */
const LEVELS = [3500, 3000, 1605];
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

function parseArguments(args) {
  const wanted = [];
  let table = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--table') table = args[++i] ?? null;
    else wanted.push(args[i]);
  }
  return { wanted, table };
}

/** The table's characters in its order: on each line, the field that is one Han character. */
function readTable(path) {
  const characters = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/u)) {
    const field = line
      .split(/[\s,]+/u)
      .filter((part) => [...part].length === 1 && /\p{Script=Han}/u.test(part))
      .at(-1);
    if (field !== undefined) characters.push(field);
  }
  return characters;
}

const { classOfStroke, strokeClasses, STROKE_OVERRIDES, COMPOUND_SURNAMES, cnchar } = await load();
const { wanted, table: tablePath } = parseArguments(process.argv.slice(2));
const table = tablePath === null ? null : readTable(tablePath);

function strokeNames(ch) {
  const override = STROKE_OVERRIDES[ch];
  if (override !== undefined) return override.split(' ');
  if (ch.length !== 1) return null;
  const result = cnchar.stroke(ch, 'order', 'name');
  return Array.isArray(result) && Array.isArray(result[0]) ? result[0] : null;
}

const characters = new Set(Object.keys(STROKE_OVERRIDES));
for (const surname of COMPOUND_SURNAMES) for (const ch of surname) characters.add(ch);
for (const ch of table ?? []) characters.add(ch);
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

const names = [...byName.keys()].filter((name) => wanted.length === 0 || wanted.includes(name));
for (const name of names.sort((a, b) => byName.get(b).length - byName.get(a).length)) {
  const entries = byName.get(name);
  console.log(`\n${name}  class ${classOfStroke(name)}, ${entries.length} characters`);
  for (let i = 0; i < entries.length; i += 10) console.log(entries.slice(i, i + 10).join(' '));
}
console.log(
  `\n${characters.size} characters, ${missing.length} without stroke order: ${missing.join('')}`,
);

/** Compares two class strings as 姓氏笔画 does: fewer strokes first, then class by class. */
function compareClasses(a, b) {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function reviewTable(chars) {
  const levels = chars.length === 8105 ? LEVELS : [chars.length];
  let start = 0;
  for (const [index, size] of levels.entries()) {
    const level = chars.slice(start, start + size);
    start += size;
    const lacking = level.filter((ch) => strokeClasses(ch) === null);
    console.log(`\nLevel ${index + 1}: ${level.length} characters, ${lacking.length} without data`);
    if (lacking.length > 0) console.log(lacking.join(''));
    const known = level.filter((ch) => strokeClasses(ch) !== null);
    const out = [];
    for (let i = 1; i < known.length; i++) {
      const [before, after] = [known[i - 1], known[i]];
      const [a, b] = [strokeClasses(before), strokeClasses(after)];
      if (compareClasses(a, b) > 0) out.push(`${before}${a} before ${after}${b}`);
    }
    console.log(`${out.length} out of the table's order${out.length > 0 ? ':' : ''}`);
    for (const line of out) console.log(line);
  }
}

if (table !== null) reviewTable(table);

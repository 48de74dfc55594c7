import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/*
 * Which of antd's components can ever be on the app's screens: those the app's sources import
 * from antd, and those their code imports in turn (a table's pagination, a select's empty state),
 * read from antd's own module files. A component outside this set never renders, so its styles
 * need not be in the stylesheet every screen loads.
 */

/** A file's imports and re-exports of a relative path, as antd's compiled modules write them. */
const relativeImport = /(?:from|import)\s*['"](\.{1,2}\/[^'"]*)['"]/g;

/**
 * The names the sources under `dir` import from 'antd' (`import { Button, type FormInstance }`),
 * sorted; null when some import cannot be read that way (a namespace, a deep path), to mean all.
 */
export function namesImportedFromAntd(dir: string): string[] | null {
  const names = new Set<string>();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.tsx?$/.test(file),
  );
  for (const file of files) {
    const source = readFileSync(join(dir, file), 'utf8');
    const all = [...source.matchAll(/from\s*['"]antd(\/[^'"]*)?['"]/g)].filter(
      ([, path]) => !path?.startsWith('/locale/'),
    );
    const named = [...source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]antd['"]/g)];
    if (named.length !== all.length) return null;
    for (const [, list = ''] of named) {
      for (const item of list.split(',')) {
        const name = item
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (name) names.add(name);
      }
    }
  }
  return [...names].sort();
}

/**
 * antd's exports (by name) whose code the given exports' code imports, themselves included:
 * everything that can render when they do. `from` is a file to resolve antd from.
 */
export function antdExportsUsedBy(names: readonly string[], from: string): Set<string> {
  const es = join(dirname(createRequire(from).resolve('antd/package.json')), 'es');
  const folderOf = new Map(
    [
      ...readFileSync(join(es, 'index.js'), 'utf8').matchAll(
        /export \{ default as (\w+) \} from '\.\/([\w-]+)'/g,
      ),
    ].map(([, name = '', folder = '']) => [name, folder]),
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, path = ''] of readFileSync(file, 'utf8').matchAll(relativeImport)) {
      const target = resolve(dirname(file), path);
      const found = [target, `${target}.js`, join(target, 'index.js')].find(
        (candidate) => candidate.endsWith('.js') && existsSync(candidate),
      );
      if (found) visit(found);
    }
  };
  for (const name of names) {
    const folder = folderOf.get(name);
    if (folder) visit(join(es, folder, 'index.js'));
  }
  const folders = new Set([...seen].map((file) => relative(es, file).split(sep)[0]));
  return new Set([...folderOf].filter(([, folder]) => folders.has(folder)).map(([name]) => name));
}

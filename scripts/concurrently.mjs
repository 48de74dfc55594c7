// Runs npm scripts side by side (`node scripts/concurrently.mjs lint typecheck`), each one's output
// kept together and printed when it ends; exits non-zero if any of them failed.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const runs = names.map(
  (name) =>
    new Promise((done) => {
      const started = Date.now();
      const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (out += chunk));
      child.on('close', (code, signal) => {
        const seconds = Math.round((Date.now() - started) / 100) / 10;
        const status = code === 0 ? 'ok' : `failed (${code ?? signal})`;
        process.stdout.write(`${out}${out.endsWith('\n') || out === '' ? '' : '\n'}`);
        process.stdout.write(`── npm run ${name}: ${status}, ${seconds} s\n`);
        done(code === 0);
      });
    }),
);

const results = await Promise.all(runs);
process.exit(results.every(Boolean) ? 0 : 1);

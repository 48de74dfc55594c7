import { execFileSync } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem, tmpdir } from 'node:os';

export interface Machine {
  cpus: number;
  model: string;
  memory_gb: number;
  node: string;
  os: string;
  date: string;
  /** The 1-minute load average when the bench started: above `cpus`, the figures wait for CPU. */
  load_1m: number;
  /** Where the benchmarks' database files live: a RAM disk would make fsync free. */
  temp_dir: string;
  temp_filesystem: string | null;
}

export function machine(now: Date): Machine {
  const cores = cpus();
  return {
    cpus: cores.length,
    model: cores[0]?.model.trim() ?? 'unknown',
    memory_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
    date: now.toISOString(),
    load_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    temp_dir: tmpdir(),
    temp_filesystem: filesystemOf(tmpdir()),
  };
}

/** ext4, tmpfs, …: Linux only (findmnt); null where it cannot be told. */
export function filesystemOf(path: string): string | null {
  if (platform() !== 'linux') return null;
  try {
    return execFileSync('findmnt', ['-T', path, '-n', '-o', 'FSTYPE'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

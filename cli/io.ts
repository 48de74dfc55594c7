/** Where a command writes: one call per line, without the newline. */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

export const processIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

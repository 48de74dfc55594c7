/** Where a command writes: one call per line, without the newline. */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  /** All of standard input, as text (for secrets, which never go on the command line). */
  stdin?(): Promise<string>;
}

export const processIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

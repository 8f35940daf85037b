/** Runs the command line in this process with captured output, as a user would see it. */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c) => chunks.out.push(c));
  stderr.on('data', (c) => chunks.err.push(c));
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}

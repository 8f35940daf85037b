/** Where a CLI command writes; tests pass their own streams. */
export interface CliOutput {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Exit statuses shared by the commands. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_UNUSABLE = 2;

/** Writes text and waits until the stream took it, so that exit codes never cut output short. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * The `dicom-inspector` command line: one sub-command per job, all on the same core as the
 * VS Code extension.
 *
 * Each command is imported only when it runs: scripts/bundle.js makes each command module its
 * own bundle (dist/cli/NAME.js), so `dump` never loads the code of `render` or `sort` (start-up
 * is most of a one-file command's time; see test/bench/startup.ts). So commands are imported
 * here only by a dynamic import of './commands/' and the module's name, as below.
 */
import { join } from 'node:path';
import { serveCodecWasmFrom } from '../node/codecWasm';
import { EXIT_OK, EXIT_UNUSABLE, write, type CliOutput } from './cliOutput';

type Command = (argv: string[], out: CliOutput) => Promise<number>;

const EXIT_STATUS_HELP = `Exit status: 0 done cleanly, 1 done but problems were found (see the output or the
message), 2 not done: bad arguments, an input that cannot be read, or an output that cannot or
must not be written (one line on standard error says which). Outputs never replace an input,
nor an existing file without --force.
`;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  dump: {
    run: async (argv, out) => (await import('./commands/dump')).runDump(argv, out),
    summary: 'print every element with its byte offset (text or --json)',
  },
  locate: {
    run: async (argv, out) => (await import('./commands/locate')).runLocate(argv, out),
    summary: 'name the element, item or fragment (and which part) each byte offset belongs to',
  },
  csv: {
    run: async (argv, out) => (await import('./commands/csv')).runCsv(argv, out),
    summary: 'export headers of files and folders as CSV',
  },
  render: {
    run: async (argv, out) => (await import('./commands/render')).runRender(argv, out),
    summary: 'render one frame to PNG (window/level as in the viewer)',
  },
  dicomdir: {
    run: async (argv, out) => (await import('./commands/dicomdir')).runDicomdir(argv, out),
    summary: 'print a DICOMDIR as Patient/Study/Series/Image records, files checked',
  },
  report: {
    run: async (argv, out) => (await import('./commands/report')).runReport(argv, out),
    summary: 'print a structured report as its content tree (text like dsrdump, or --json)',
  },
  validate: {
    run: async (argv, out) => (await import('./commands/validate')).runValidate(argv, out),
    summary: 'check files against PS3.5 encoding rules and their IOD (exit 1 on errors)',
  },
  diff: {
    run: async (argv, out) => (await import('./commands/diff')).runDiff(argv, out),
    summary: 'compare two files element by element (exit 0 same, 1 different)',
  },
  json: {
    run: async (argv, out) => (await import('./commands/standardForms')).runJson(argv, out),
    summary: 'print the data set as DICOM JSON (PS3.18 Annex F)',
  },
  xml: {
    run: async (argv, out) => (await import('./commands/standardForms')).runXml(argv, out),
    summary: 'print the data set as Native DICOM Model XML (PS3.19)',
  },
  sort: {
    run: async (argv, out) => (await import('./commands/sort')).runSort(argv, out),
    summary: 'copy a folder into Patient/Study/Series folders, never overwriting',
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`);
  return `Usage: dicom-inspector COMMAND [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "dicom-inspector COMMAND --help" for the options of a command.\n\n${EXIT_STATUS_HELP}`;
}

export async function main(argv: string[], out: CliOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    await write(out.stdout, usage());
    return EXIT_OK;
  }
  if (name === '--version') {
    await write(out.stdout, `${process.env.DICOM_INSPECTOR_VERSION ?? 'dev'}\n`);
    return EXIT_OK;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    await write(out.stderr, (name ? `unknown command: ${name}\n\n` : '') + usage());
    return EXIT_UNUSABLE;
  }
  return command.run(rest, out);
}

/**
 * Runs the command line in this process: codec binaries served from the bundle's folder (for
 * every command's bundle: see src/core/codecs/wasmSource.ts), a closed pipe (e.g. `| head`)
 * taken as the reader stopping, the exit status set.
 */
export function runCli(argv: string[] = process.argv.slice(2)): void {
  serveCodecWasmFrom(join(__dirname, 'wasm'));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT_OK);
  });
  main(argv, { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => { process.exitCode = code; },
    (problem) => {
      process.stderr.write(`dicom-inspector: ${problem instanceof Error ? problem.stack : String(problem)}\n`);
      process.exitCode = EXIT_UNUSABLE;
    },
  );
}

if (require.main === module) runCli();

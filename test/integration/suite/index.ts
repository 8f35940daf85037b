// The Mocha entry that VS Code's extension host runs (`extensionTestsPath`), under code-server
// (test/integration/runner/runCodeServer.ts) or a downloaded VS Code (runElectron.ts).
//
// scripts/bundle.js bundles this file, mocha and every test/integration/suite/**/*.test.ts into
// out/test/integration/index.js; `vscode` stays external (the extension host provides it).
// Suites use Mocha's TDD interface: `import { suite, test } from 'mocha'` (or the globals).
//
// Results go to a JSON file (see IntegrationResults) because under code-server nothing reads the
// extension host's exit code: the runner waits for this file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Names of the suite files (relative, without `.test.ts`), filled in by scripts/bundle.js. */
declare const INTEGRATION_SUITES: readonly string[];

/** Where the results go: this environment variable, else a file beside the first workspace folder. */
export const RESULTS_ENV = 'DICOM_INSPECTOR_TEST_RESULTS';

export interface IntegrationFailure {
  readonly fullTitle: string;
  readonly message: string;
  readonly stack?: string;
}

export interface IntegrationTestResult {
  readonly fullTitle: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs?: number;
}

export interface IntegrationResults {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly durationMs: number;
  readonly suites: readonly string[];
  readonly failures: readonly IntegrationFailure[];
  readonly tests: readonly IntegrationTestResult[];
}

function resultsPath(): string {
  const fromEnv = process.env[RESULTS_ENV];
  if (fromEnv) return fromEnv;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error(`${RESULTS_ENV} is not set and no workspace folder is open`);
  return path.join(path.dirname(folder), 'integration-results.json');
}

function describeError(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

export async function run(): Promise<void> {
  const started = Date.now();
  // INTEGRATION_GREP runs only the tests whose full title matches it (for work on one suite).
  const grep = process.env.INTEGRATION_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const failures: IntegrationFailure[] = [];
  const tests: IntegrationTestResult[] = [];
  let passed = 0;
  let pending = 0;

  // Mocha normally requires files itself; the suites are bundled, so load them the same way
  // Mocha does: announce each file (this installs `suite`/`test`), then evaluate it.
  for (const name of INTEGRATION_SUITES) {
    const file = `${name}.test.ts`;
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mocha.suite.emit('require', require(`./${name}.test.ts`), file, mocha);
    } catch (err) {
      failures.push({ fullTitle: `loading ${file}`, ...describeError(err) });
    }
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }

  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => {
      passed++;
      tests.push({ fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration });
    });
    runner.on('pending', (t) => {
      pending++;
      tests.push({ fullTitle: t.fullTitle(), state: 'pending' });
    });
    runner.on('fail', (t, err) => {
      failures.push({ fullTitle: t.fullTitle(), ...describeError(err) });
      tests.push({ fullTitle: t.fullTitle(), state: 'failed', durationMs: t.duration });
    });
  });

  const results: IntegrationResults = {
    passed,
    failed: failures.length,
    pending,
    durationMs: Date.now() - started,
    suites: INTEGRATION_SUITES,
    failures,
    tests,
  };
  const file = resultsPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written to a temporary name first so the runner never reads half a file.
  fs.writeFileSync(`${file}.partial`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.partial`, file);

  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  if (results.passed === 0) throw new Error('no integration tests ran');
}

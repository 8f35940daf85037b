// Runs the integration suites (out/test/integration/index.js, built by scripts/bundle.js) inside a
// real VS Code: code-server serves the workbench, headless Chromium opens it with a `payload`
// that names this repository as the extension under development and the Mocha entry as its
// tests, and VS Code runs them in its Node extension host with the full `vscode` API.
//
// The suite writes its results to a JSON file (RESULTS_ENV); this runner waits for it, prints
// the counts and exits non-zero on failure or timeout. code-server and Chromium are always
// stopped. Usage: npm run test:integration   (INTEGRATION_TIMEOUT_MS to change the 5 min limit)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchChromium } from '../../../scripts/vscode/browser';
import { runAsScript, REPO_ROOT, startCodeServer, type CodeServer } from '../../../scripts/vscode/codeServer';
import { corpusDir, createTestRun } from '../../../scripts/vscode/sampleFolder';
import type { IntegrationResults } from '../suite/index';

const RESULTS_ENV = 'DICOM_INSPECTOR_TEST_RESULTS';
const TESTS_ENTRY = path.join(REPO_ROOT, 'out/test/integration/index.js');
const OUTPUT_DIR = path.join(REPO_ROOT, 'test-output/integration');
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 300_000);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const HOST_EXIT = /Extension Host Process exited with code: (\S+), signal: (\w+)/;

/**
 * Waits for the results file. Gives up at the timeout, or soon after the extension host exits
 * without writing it (a crash or process.exit in a suite), as code-server logs that exit.
 */
async function waitForResults(file: string, serverLog: string, timeoutMs: number): Promise<'ok' | string> {
  const deadline = Date.now() + timeoutMs;
  let hostExitSeenAt: number | undefined;
  let hostExit = '';
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return 'ok';
    if (hostExitSeenAt === undefined) {
      const match = HOST_EXIT.exec(fs.existsSync(serverLog) ? fs.readFileSync(serverLog, 'utf8') : '');
      if (match) {
        hostExitSeenAt = Date.now();
        hostExit = `the extension host exited (code ${match[1]}, signal ${match[2]}) without writing results`;
      }
    } else if (Date.now() - hostExitSeenAt > 3_000) {
      return hostExit;
    }
    await sleep(500);
  }
  return `no results after ${timeoutMs} ms`;
}

function printResults(results: IntegrationResults): void {
  const mark = { passed: '✔', failed: '✖', pending: '-' } as const;
  for (const t of results.tests) {
    console.log(`  ${mark[t.state]} ${t.fullTitle}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
  }
  for (const failure of results.failures) {
    console.log(`  FAIL ${failure.fullTitle}\n       ${failure.message.split('\n').join('\n       ')}`);
  }
  console.log(`suites: ${results.suites.join(', ') || '(none)'}; ${results.pending} pending; ${results.durationMs} ms`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
}

async function main(): Promise<number> {
  if (!fs.existsSync(TESTS_ENTRY)) {
    console.error(`${TESTS_ENTRY} is missing: run npm run build first`);
    return 1;
  }
  const started = Date.now();
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const { root: tempRoot, stateDir, workspace } = createTestRun('integration');
  const resultsFile = path.join(tempRoot, 'results.json');

  let server: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const serverLog = path.join(OUTPUT_DIR, 'code-server.log');
  const browserLog = fs.createWriteStream(path.join(OUTPUT_DIR, 'workbench-console.log'));
  try {
    server = await startCodeServer({
      workspace,
      userDataDir: path.join(stateDir, 'user-data'),
      extensionsDir: path.join(stateDir, 'extensions'),
      logFile: serverLog,
      env: {
        [RESULTS_ENV]: resultsFile,
        DICOM_INSPECTOR_WORKSPACE: workspace,
        ...(corpusDir() ? { DICOM_CORPUS_DIR: corpusDir() as string } : {}),
      },
    });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server!.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ['extensionTestsPath', remote(TESTS_ENTRY)],
    ];
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The extension host's console (Mocha's spec reporter) is forwarded to the workbench's console.
    page.on('console', (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => browserLog.write(`[pageerror] ${err.message}\n`));
    await page.goto(server.workbenchUrl({ payload: JSON.stringify(payload) }));
    console.log(`integration: VS Code at ${server.origin} running ${path.relative(REPO_ROOT, TESTS_ENTRY)}`);

    const outcome = await waitForResults(resultsFile, serverLog, TIMEOUT_MS);
    if (outcome !== 'ok') {
      await page.screenshot({ path: path.join(OUTPUT_DIR, 'no-results.png') }).catch(() => undefined);
      console.error(`integration: ${outcome}; logs and a screenshot in ${OUTPUT_DIR}`);
      console.log('0 passed, 0 failed (no results)');
      return 1;
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as IntegrationResults;
    fs.copyFileSync(resultsFile, path.join(OUTPUT_DIR, 'results.json'));
    printResults(results);
    console.log(`integration: ${((Date.now() - started) / 1000).toFixed(1)} s in total`);
    return results.failed === 0 && results.passed > 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    browserLog.end();
    fs.rmSync(tempRoot, { recursive: true, force: true });
  }
}

runAsScript(main);

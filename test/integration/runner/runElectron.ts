// Runs the same integration suites in desktop VS Code downloaded by @vscode/test-electron, for
// machines that can reach Microsoft's update servers (CI here cannot: it uses runCodeServer.ts).
// Usage: npm run build && node --import tsx test/integration/runner/runElectron.ts
//        (VSCODE_VERSION=stable|insiders|1.100.3 to choose; needs a display, e.g. xvfb-run on Linux)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT, runAsScript } from '../../../scripts/vscode/codeServer';
import { corpusDir, prepareTestWorkspace } from '../../../scripts/vscode/sampleFolder';
import type { IntegrationResults } from '../suite/index';

const RESULTS_ENV = 'DICOM_INSPECTOR_TEST_RESULTS';
const TESTS_ENTRY = path.join(REPO_ROOT, 'out/test/integration/index.js');

async function main(): Promise<number> {
  if (!fs.existsSync(TESTS_ENTRY)) {
    console.error(`${TESTS_ENTRY} is missing: run npm run build first`);
    return 1;
  }
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dicom-inspector-electron-'));
  const workspace = prepareTestWorkspace(path.join(tempRoot, 'workspace'));
  const resultsFile = path.join(tempRoot, 'results.json');
  try {
    try {
      await runTests({
        version: process.env.VSCODE_VERSION ?? 'stable',
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: TESTS_ENTRY,
        launchArgs: [
          workspace,
          '--disable-extensions', // only the extension under development
          '--disable-workspace-trust',
          `--user-data-dir=${path.join(tempRoot, 'user-data')}`,
        ],
        extensionTestsEnv: {
          [RESULTS_ENV]: resultsFile,
          DICOM_INSPECTOR_WORKSPACE: workspace,
          ...(corpusDir() ? { DICOM_CORPUS_DIR: corpusDir() as string } : {}),
        },
      });
    } catch (err) {
      // runTests rejects when the suites fail; the results file says which.
      if (!fs.existsSync(resultsFile)) throw err;
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as IntegrationResults;
    for (const failure of results.failures) console.log(`  FAIL ${failure.fullTitle}: ${failure.message}`);
    console.log(`${results.passed} passed, ${results.failed} failed`);
    return results.failed === 0 && results.passed > 0 ? 0 : 1;
  } finally {
    fs.rmSync(tempRoot, { recursive: true, force: true });
  }
}

runAsScript(main);

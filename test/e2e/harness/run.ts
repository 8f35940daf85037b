// Runs the end-to-end specs (test/e2e/*.spec.ts, node:test) against a real VS Code: code-server
// with this repository installed as an extension (a symlink in its extensions folder, so the
// built dist/ is what runs) on a temporary workspace of sample DICOM files. Each spec opens the
// workbench in its own headless Chromium through the helpers in workbench.ts.
// Usage: npm run test:e2e  [-- test/e2e/one.spec.ts ...]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { runAsScript, installRepoAsExtension, REPO_ROOT, startCodeServer, type CodeServer } from '../../../scripts/vscode/codeServer';
import { corpusDir, createTestRun } from '../../../scripts/vscode/sampleFolder';
import { E2E_ENV, SCREENSHOT_DIR } from './workbench';

const OUTPUT_DIR = path.join(REPO_ROOT, 'test-output/e2e');
const SPEC_TIMEOUT_MS = Number(process.env.E2E_SPEC_TIMEOUT_MS ?? 180_000);

function specFiles(): string[] {
  const requested = process.argv.slice(2);
  if (requested.length > 0) return requested.map((f) => path.resolve(f));
  const dir = path.join(REPO_ROOT, 'test/e2e');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.spec.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

async function main(): Promise<number> {
  const files = specFiles();
  if (files.length === 0) {
    console.error('no end-to-end specs in test/e2e');
    return 1;
  }
  const started = Date.now();
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { root: tempRoot, stateDir, workspace } = createTestRun('e2e');

  let server: CodeServer | undefined;
  try {
    const extensionsDir = path.join(stateDir, 'extensions');
    installRepoAsExtension(extensionsDir);
    server = await startCodeServer({
      workspace,
      userDataDir: path.join(stateDir, 'user-data'),
      extensionsDir,
      logFile: path.join(OUTPUT_DIR, 'code-server.log'),
      env: corpusDir() ? { DICOM_CORPUS_DIR: corpusDir() as string } : {},
    });
    console.log(`e2e: VS Code at ${server.origin}, ${files.length} spec file(s)`);

    // Spec processes inherit this environment (and --import tsx from execArgv).
    process.env[E2E_ENV.url] = server.workbenchUrl();
    process.env[E2E_ENV.workspace] = workspace;

    let passed = 0;
    let failed = 0;
    // One spec file at a time: each drives a whole browser and the machine may have 2 cores.
    const stream = run({ files, concurrency: 1, timeout: SPEC_TIMEOUT_MS });
    stream.on('test:pass', (t) => {
      if (t.details.type !== 'suite') passed++;
    });
    stream.on('test:fail', (t) => {
      if (t.details.type !== 'suite') failed++;
    });
    stream.compose(new spec()).pipe(process.stdout);
    await new Promise<void>((resolve) => stream.once('end', () => resolve()));

    console.log(`e2e: screenshots in ${path.relative(REPO_ROOT, SCREENSHOT_DIR)}; ${((Date.now() - started) / 1000).toFixed(1)} s in total`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
  } finally {
    await server?.stop();
    fs.rmSync(tempRoot, { recursive: true, force: true });
  }
}

runAsScript(main);

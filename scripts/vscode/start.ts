// `npm start`: VS Code with this extension on a folder of sample DICOM files.
// Desktop `code --extensionDevelopmentPath=.` when `code` is on PATH; otherwise code-server on
// 127.0.0.1 (installed on first use) with the URL printed, until Ctrl+C.
// Environment: DICOM_INSPECTOR_FOLDER to open another folder, PORT for code-server's port,
// NO_DESKTOP=1 to use code-server even when `code` exists.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installRepoAsExtension, REPO_ROOT, startCodeServer } from './codeServer';
import { corpusDir, generateFixtures } from './sampleFolder';

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Generated samples in test-output/samples; the public corpus (outside the repo) as a fallback. */
function sampleFolder(): string {
  if (process.env.DICOM_INSPECTOR_FOLDER) return path.resolve(process.env.DICOM_INSPECTOR_FOLDER);
  const samples = path.join(REPO_ROOT, 'test-output/samples');
  fs.rmSync(samples, { recursive: true, force: true });
  if (generateFixtures(samples)) return samples;
  const corpus = corpusDir();
  if (corpus) {
    console.log(`test/fixtures/generate.ts does not exist yet: opening the corpus at ${corpus}`);
    return corpus;
  }
  fs.mkdirSync(samples, { recursive: true });
  console.log(`no sample files available: opening the empty folder ${samples}`);
  return samples;
}

async function startCodeServerUntilInterrupted(folder: string): Promise<void> {
  execFileSync('bash', [path.join(__dirname, 'install-code-server.sh')], { stdio: 'inherit' });
  const stateDir = path.join(REPO_ROOT, '.vscode-test/start');
  const extensionsDir = path.join(stateDir, 'extensions');
  installRepoAsExtension(extensionsDir);
  const server = await startCodeServer({
    workspace: folder,
    userDataDir: path.join(stateDir, 'user-data'),
    extensionsDir,
    logFile: path.join(REPO_ROOT, 'test-output/start/code-server.log'),
    port: Number(process.env.PORT ?? 0),
    keepUserSettings: true,
  });
  console.log(`\nVS Code (code-server) with DICOM Inspector on ${folder}:\n\n    ${server.workbenchUrl()}\n`);
  console.log('Rebuild with `npm run build` (or `node scripts/bundle.js --watch`) and reload the window. Ctrl+C stops.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.stop();
}

async function main(): Promise<void> {
  const folder = sampleFolder();
  if (onPath('code') && !process.env.NO_DESKTOP) {
    console.log(`code --extensionDevelopmentPath=${REPO_ROOT} ${folder}`);
    spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, folder], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  await startCodeServerUntilInterrupted(folder);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

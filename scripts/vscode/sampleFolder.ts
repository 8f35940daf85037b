// Fills a folder with DICOM files for VS Code to open: the project's generated fixtures when the
// generator exists, plus (for tests, outside the repository) a few files of the public corpus.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServer';

const GENERATOR = path.join(REPO_ROOT, 'test/fixtures/generate.ts');

/** The public test corpus that lives beside the checkout (never copied into the repository). */
export function corpusDir(): string | undefined {
  const dir = process.env.DICOM_CORPUS_DIR ?? path.resolve(REPO_ROOT, '../shared/corpus');
  return fs.existsSync(dir) ? dir : undefined;
}

/** Corpus files copied into test workspaces: one per transfer-syntax family, all small. */
export const CORPUS_SAMPLES = [
  'dicomparser/CT1_UNC.explicit_little_endian.dcm',
  'dicomparser/CT1_UNC.implicit_little_endian.dcm',
  'dicomparser/CT1_UNC.explicit_big_endian.dcm',
  'dicomparser/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm',
  'dicomparser/encapsulated/multi-frame/CT0012.not_fragmented_bot_rle.dcm',
  'dicomparser/deflate/report_dfl',
] as const;

/** Runs test/fixtures/generate.ts into `dir`; false when the generator does not exist yet. */
export function generateFixtures(dir: string): boolean {
  if (!fs.existsSync(GENERATOR)) return false;
  fs.mkdirSync(dir, { recursive: true });
  execFileSync(process.execPath, ['--import', 'tsx', GENERATOR, dir], { cwd: REPO_ROOT, stdio: 'inherit' });
  return true;
}

/** Copies the corpus samples into `dir` (which must be outside the repository). Returns their names. */
export function copyCorpusSamples(dir: string): string[] {
  const corpus = corpusDir();
  if (!corpus) return [];
  if (!path.relative(REPO_ROOT, path.resolve(dir)).startsWith('..')) {
    throw new Error(`corpus files must not be copied into the repository (${dir})`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const copied: string[] = [];
  for (const rel of CORPUS_SAMPLES) {
    const source = path.join(corpus, rel);
    if (!fs.existsSync(source)) continue;
    fs.copyFileSync(source, path.join(dir, path.basename(rel)));
    copied.push(path.basename(rel));
  }
  return copied;
}

/**
 * The workspace integration and end-to-end tests open: `fixtures/` (generated) and `corpus/`
 * (copies of CORPUS_SAMPLES). `dir` must be a temporary folder outside the repository.
 */
export function prepareTestWorkspace(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  generateFixtures(path.join(dir, 'fixtures'));
  copyCorpusSamples(path.join(dir, 'corpus'));
  return dir;
}

/**
 * A test run's own temporary folder (removed when the process exits) holding VS Code's state
 * and a fresh test workspace, so runs started at the same time on one machine never share state.
 */
export function createTestRun(kind: string): { root: string; stateDir: string; workspace: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `dicom-inspector-${kind}-`));
  process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  return { root, stateDir: path.join(root, 'vscode'), workspace: prepareTestWorkspace(path.join(root, 'workspace')) };
}

/**
 * Golden outputs: what `sort` leaves in its destination and what `csv` writes, on the catalog's
 * fixtures plus the sort tests' folder (collisions, twins, hostile names, non-DICOM files),
 * compared with committed text files in test/golden/. Refactors of the folder scan, the pool,
 * the copy or the reader must not change a byte of them.
 *
 * After an intended change of output, regenerate with
 *   GOLDEN_UPDATE=1 node --import tsx --test test/unit/goldenOutputs.test.ts
 * and review the diff of test/golden/ like any other change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allFixtures } from '../fixtures/catalog';
import { runCli } from '../support/runCli';
import { makeSortSource, writeFile } from './sortFixtures';

const GOLDEN_DIR = path.resolve(__dirname, '../golden');
const UPDATE = process.env.GOLDEN_UPDATE === '1';

/** The source folder every golden output is made from. */
async function goldenSource(root: string): Promise<void> {
  for (const fixture of allFixtures) {
    if (!fixture.onDisk) continue;
    await writeFile(root, `fixtures/${fixture.wellFormed ? 'good' : 'bad'}/${fixture.fileName}`, fixture.build().bytes);
  }
  await makeSortSource(path.join(root, 'sort'));
}

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dicom-golden-'));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Compares with (or, with GOLDEN_UPDATE=1, writes) test/golden/NAME. */
function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) assert.fail(`${file} is missing: run with GOLDEN_UPDATE=1 to create it, then review and commit it`);
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((text, i) => text !== e[i]);
  assert.fail(`${name} differs from the golden output at line ${line + 1}:\n  expected: ${JSON.stringify(e[line])}\n  actual:   ${JSON.stringify(a[line])}`);
}

/** Every file under `root` (sorted, `/` separators) with its SHA-256; folders end with `/`. */
async function listing(root: string): Promise<string> {
  const lines: string[] = [];
  const walk = async (dir: string, relative: string): Promise<void> => {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        lines.push(`${rel}/`);
        await walk(full, rel);
      } else {
        lines.push(`${rel} ${createHash('sha256').update(await fs.readFile(full)).digest('hex')}`);
      }
    }
  };
  await walk(root, '');
  return lines.join('\n') + '\n';
}

/** Output text with the run's temporary folder named `<tmp>`, so it is the same on every run. */
function portable(text: string, dir: string): string {
  return text.split(dir).join('<tmp>');
}

test('sort: the destination tree, every file hash and the manifest are unchanged; a second run only confirms', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  await goldenSource(src);
  const first = await runCli('sort', src, dest);
  const tree = await listing(dest);
  const manifest = await fs.readFile(path.join(dest, 'dicom-sort-manifest.csv'), 'utf8');
  const again = await runCli('sort', src, dest);
  const withoutManifest = (text: string) => text.replace(/^dicom-sort-manifest\.csv .*\n/m, '');
  assert.equal(withoutManifest(await listing(dest)), withoutManifest(tree), 'the second run changes no file besides the manifest');
  const manifestAgain = await fs.readFile(path.join(dest, 'dicom-sort-manifest.csv'), 'utf8');
  assertGolden('sort-default-pattern.txt', portable(`exit ${first.code}\n${first.stdout}${first.stderr}\n${tree}`, dir));
  assertGolden('sort-default-pattern-manifest.csv', manifest);
  assertGolden('sort-default-pattern-again.txt', portable(`exit ${again.code}\n${again.stdout}${again.stderr}\n${manifestAgain}`, dir));
});

test('sort with a pattern that sends many files to one name (collisions, ~n suffixes)', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  await goldenSource(src);
  const run = await runCli('sort', src, dest, '--pattern', '{Modality|NA}/{InstanceNumber|NA}.dcm', '--no-clean');
  const manifest = await fs.readFile(path.join(dest, 'dicom-sort-manifest.csv'), 'utf8');
  assertGolden('sort-collisions.txt', portable(`exit ${run.code}\n${run.stdout}${run.stderr}\n${await listing(dest)}\n${manifest}`, dir));
});

const CHOSEN = 'PatientID,PatientName,StudyDate,Modality,SeriesNumber,InstanceNumber,ImagePositionPatient,PixelSpacing,(0029,1010),ReferencedImageSequence[0].ReferencedSOPInstanceUID,SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness';

for (const [name, args] of [
  ['csv-all-attributes.csv', []],
  ['csv-chosen-columns.csv', ['--tags', CHOSEN]],
  ['csv-long.csv', ['--long']],
  ['csv-semicolon-no-bom.csv', ['--delimiter', ';', '--no-bom', '--tags', 'PatientID,Modality']],
] as const) {
  test(`csv ${args.join(' ') || '(every attribute)'}: the same text as the golden ${name}`, async (t) => {
    const dir = await tempDir(t);
    const src = path.join(dir, 'src');
    await goldenSource(src);
    const run = await runCli('csv', src, ...args);
    assert.equal(run.code, 0, run.stderr);
    assertGolden(name, run.stdout);
    assertGolden(name.replace(/\.csv$/, '.stderr.txt'), portable(run.stderr, dir));
  });
}

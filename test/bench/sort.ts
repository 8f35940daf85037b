/**
 * Sort benchmark (issue: sorting a folder). One folder of generated CT instances, sorted in
 * the same run by:
 *  - `cp -r` of the folder (the floor: the copy alone, no reading, no naming);
 *  - `dicom-inspector sort` (bundled CLI in a fresh Node process, default pattern);
 *  - the well-known pydicom script (`sortPydicom.py`: dcmread(stop_before_pixels) + shutil.copy);
 * plus a second `dicom-inspector sort` into the same destination (everything already there).
 * Each tool starts as a fresh process, so start-up time counts for all of them.
 * Run: `npm run bench -- sort` (BENCH_SORT_FILES to change the size).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { DEFAULT_SORT_PATTERN } from '../../src/core/sort/pattern';
import { copyPlannedSort, planSortFolder } from '../../src/node/sort/sortFolder';
import { writeDicom, type ElementSpec } from '../fixtures/writer';
import { ctElements } from './ctInstance';
import { loopText, pythonWithPydicom, table, watchEventLoop, type LoopWatch, type Row } from './benchSupport';

const FILES = Number(process.env.BENCH_SORT_FILES ?? 10_000);
const SIDE = 128; // 128 × 128 × 16-bit = 32 KiB of pixels per instance

/** A CT instance with real (non-zero, non-sparse) pixel bytes, so copies move real data. */
function instance(i: number): Uint8Array {
  // 20 patients × 2 studies × 5 series × 50 instances; every 100th file repeats instance 1 of
  // its series (a name collision, as when two exports of a series are merged).
  const ids = { patient: 1 + Math.floor(i / 500), study: 1 + (Math.floor(i / 250) % 2), series: 1 + (Math.floor(i / 50) % 5), instance: i % 100 === 99 ? 1 : 1 + (i % 50) };
  const elements = ctElements(ids).filter((e) => e.tag !== 0x00280010 && e.tag !== 0x00280011);
  const pixels = new Uint8Array(SIDE * SIDE * 2);
  for (let p = 0; p < pixels.length; p++) pixels[p] = (p * 31 + i * 7) & 0xff;
  const extra: ElementSpec[] = [
    { tag: 0x00280010, vr: 'US', value: [SIDE] },
    { tag: 0x00280011, vr: 'US', value: [SIDE] },
    { tag: 0x7fe00010, vr: 'OW', value: pixels },
  ];
  const sorted = [...elements, ...extra].sort((a, b) => a.tag - b.tag);
  // Unique SOP Instance UIDs although instance numbers repeat within a series (collisions).
  const sop: ElementSpec = { tag: 0x00080018, vr: 'UI', value: `1.2.826.0.1.3680043.10.1104.8.${i}` };
  const withSop = sorted.map((e) => (e.tag === 0x00080018 ? sop : e));
  return writeDicom(withSop, { transferSyntax: 'explicitLittle', sopInstanceUid: String(sop.value) }).bytes;
}

interface Timing {
  readonly ms: number;
  /** User + system CPU seconds of the process (GNU time): steadier than wall time on a busy machine. */
  readonly cpu: number;
}

/**
 * Times one command from a clean page-cache state of dirty pages (a `sync` first, not counted)
 * to its data being on disk (a `sync` after it, counted): a copy that leaves its writes to the
 * kernel's write-back must not look faster than one that does not.
 */
function timed(command: string, args: string[]): Timing {
  spawnSync('sync');
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  spawnSync('sync');
  const ms = performance.now() - start;
  const stderr = result.stderr?.toString() ?? '';
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${stderr.slice(0, 500)}`);
  const [user, system] = stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpu: user + system };
}

function median(timings: readonly Timing[]): Timing {
  const by = (key: keyof Timing) => [...timings].map((t) => t[key]).sort((a, b) => a - b)[Math.floor(timings.length / 2)];
  return { ms: by('ms'), cpu: by('cpu') };
}

const ROUNDS = Number(process.env.BENCH_SORT_ROUNDS ?? 3);

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/**
 * The sort as the extension host runs it (asynchronous calls, preview then copy, no staging),
 * with what it does to the event loop (see `watchEventLoop`).
 */
async function inExtensionHost(src: string, dest: string): Promise<{ ms: number; loop: LoopWatch }> {
  const start = performance.now();
  const { value: result, loop } = await watchEventLoop(async () => copyPlannedSort(await planSortFolder(src, dest, { pattern: DEFAULT_SORT_PATTERN }), {}));
  const ms = performance.now() - start;
  if (!result.complete) throw new Error(`in-process sort incomplete: ${result.problem}`);
  return { ms, loop };
}

function cliBundle(dir: string): string {
  const entry = join(dir, 'sortCli.ts');
  writeFileSync(entry, `
    import { runSort } from ${JSON.stringify(resolve(__dirname, '../../src/cli/commands/sort'))};
    runSort(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => { process.exitCode = code; });`);
  const out = join(dir, 'sortCli.js');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', outfile: out, logLevel: 'silent' });
  return out;
}

export async function benchSort(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-sort-bench-'));
  try {
    const src = join(dir, 'src');
    mkdirSync(src);
    let bytes = 0;
    for (let i = 0; i < FILES; i++) {
      const data = instance(i);
      bytes += data.length;
      writeFileSync(join(src, `${(i * 7919) % 1_000_003}.${i}`), data);
    }
    writeFileSync(join(src, 'README.txt'), 'not DICOM');
    const cli = cliBundle(dir);
    const python = pythonWithPydicom();
    // Warm the page cache for everyone alike; not counted.
    timed('cp', ['-r', src, join(dir, 'warm')]);
    rmSync(join(dir, 'warm'), { recursive: true });

    // Alternating rounds, each into an empty folder, so a slow spell of the shared machine hits both tools.
    const cpRounds: Timing[] = [];
    const ourRounds: Timing[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['cp', 'ours']) rmSync(join(dir, name), { recursive: true, force: true });
      cpRounds.push(timed('cp', ['-r', src, join(dir, 'cp')]));
      ourRounds.push(timed('node', [cli, src, join(dir, 'ours'), '--concurrency', '16']));
    }
    const cp = median(cpRounds);
    const ours = median(ourRounds);
    const again = timed('node', [cli, src, join(dir, 'ours'), '--concurrency', '16']);
    const py = timed(python, [resolve(__dirname, 'sortPydicom.py'), src, join(dir, 'pydicom')]);
    const host = await inExtensionHost(src, join(dir, 'host'));
    const row = (name: string, t: Timing, files: string): Row => [name, fmt(t.ms), rate(FILES, t.ms), ratio(t.ms, cp.ms), t.cpu.toFixed(2), files];

    const oursFiles = countFiles(join(dir, 'ours')) - 1; // the manifest
    const pyFiles = countFiles(join(dir, 'pydicom'));
    const rows: Row[] = [
      row('cp -r (copy only)', cp, String(countFiles(join(dir, 'cp')))),
      row('dicom-inspector sort', ours, String(oursFiles)),
      row('dicom-inspector sort, second run (all already there)', again, String(oursFiles)),
      row('pydicom script (dcmread stop_before_pixels + shutil.copy)', py, `${pyFiles} (collisions overwritten)`),
    ];
    return [
      `${FILES} generated CT instances (${(bytes / FILES / 1024).toFixed(0)} KiB each, ${(bytes / 2 ** 20).toFixed(0)} MiB) plus one non-DICOM file, ` +
        `default pattern; 1 in 100 repeats an instance number of its series, so names collide. One fresh process per tool, warm page cache; ` +
        `cp -r and our sort: medians of ${ROUNDS} alternating rounds, each into an empty folder and ending with sync (counted); the others one run. ` +
        `Load average at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs.`,
      table(['tool', 'wall ms', 'files/s', 'wall time vs cp -r', 'CPU s (user+sys)', 'files in destination'], rows),
      '',
      `In process as the extension host runs it (asynchronous calls, headers then copies): ${fmt(host.ms)} ms, ${loopText(host.loop)}.`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (ms: number) => ms.toFixed(0);
const rate = (count: number, ms: number) => Math.round((count * 1000) / ms).toString();
const ratio = (theirs: number, base: number) => (theirs / base).toFixed(2) + '×';

if (require.main === module) {
  benchSort().then((text) => process.stdout.write(text + '\n'), (problem) => {
    console.error(problem);
    process.exitCode = 1;
  });
}

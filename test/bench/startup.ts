/**
 * CLI start-up benchmark (issue: folder jobs at the speed of the disk, a CLI that starts fast).
 * `dicom-inspector dump` of one CT header, as a fresh process each time, side by side in one
 * run with DCMTK's `dcmdump` of the same file and with Node's own start-up (`node -e 0`).
 * The three alternate within each round (as hyperfine would run them one after another), so a
 * burst of load on the shared machine hits all three alike; medians and minimums (the least
 * disturbed run, as hyperfine's "min") over the rounds. The target (at most 100 ms on an idle
 * machine, where `node -e 0` takes about 65 ms) is judged by the ratio to `node -e 0`, which the
 * machine's load scales the same way.
 * Run: `npm run bench -- startup` (builds dist/ first; BENCH_STARTUP_ROUNDS to change the rounds,
 * BENCH_NO_BUILD=1 to time the dist/ already built).
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ctInstance } from './ctInstance';
import { table, type Row } from './benchSupport';

const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 21);
const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'bin/dicom-inspector.js');
/** Node's start-up on an idle machine of this kind, as the issue measured it. */
const IDLE_NODE_MS = 65;
const TARGET_MS = 100;

interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
}

/** Wall time and CPU time (user + system, from GNU time) of one run; output is discarded. */
function run(command: string[]): Timing {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', ...command], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  const [user, system] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs: (user + system) * 1000 };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function benchStartup(): Promise<string> {
  const build = process.env.BENCH_NO_BUILD ? { status: 0, stdout: '', stderr: '' } : spawnSync('node', ['scripts/bundle.js'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-startup-bench-'));
  try {
    const file = join(dir, 'ct.dcm');
    const instance = ctInstance({ patient: 1, study: 1, series: 1, instance: 1 });
    writeFileSync(file, instance.header);
    truncateSync(file, instance.fileSize);
    const contenders: Array<{ name: string; command: string[] }> = [
      { name: 'node -e 0 (Node start-up alone)', command: ['node', '-e', '0'] },
      { name: 'dcmdump FILE (DCMTK)', command: ['dcmdump', file] },
      { name: 'dicom-inspector dump FILE', command: ['node', CLI, 'dump', file] },
    ];
    // One untimed round: the page cache holds every file before timing starts.
    for (const c of contenders) run(c.command);
    const timings = contenders.map(() => [] as Timing[]);
    for (let round = 0; round < ROUNDS; round++) {
      contenders.forEach((c, i) => timings[i].push(run(c.command)));
    }
    const wall = timings.map((t) => median(t.map((x) => x.ms)));
    const fastest = timings.map((t) => Math.min(...t.map((x) => x.ms)));
    const cpu = timings.map((t) => median(t.map((x) => x.cpuMs)));
    const [nodeWall, , oursWall] = wall;
    const [nodeFastest, , oursFastest] = fastest;
    const rows: Row[] = contenders.map((c, i) => [
      c.name, wall[i].toFixed(1), fastest[i].toFixed(1), cpu[i].toFixed(0),
      (wall[i] / nodeWall).toFixed(2) + '×', (fastest[i] / nodeFastest).toFixed(2) + '×',
    ]);
    const load = loadavg()[0].toFixed(1);
    const idleEstimate = (oursWall / nodeWall) * IDLE_NODE_MS;
    return [
      `CLI start-up: one CT header (~110 attributes), a fresh process per run, ${ROUNDS} alternating rounds, medians (1-minute load average ${load} on ${cpus().length} cores)`,
      table(['command', 'median wall ms', 'min wall ms', 'median CPU ms (user + system, 10 ms ticks)', 'median relative to node -e 0', 'min relative to node -e 0'], rows),
      '',
      `dicom-inspector dump at ${(oursWall / nodeWall).toFixed(2)}× (medians) and ${(oursFastest / nodeFastest).toFixed(2)}× (minimums) node's start-up: about ${idleEstimate.toFixed(0)} ms where node -e 0 takes ${IDLE_NODE_MS} ms (target ≤ ${TARGET_MS} ms, i.e. ≤ ${(TARGET_MS / IDLE_NODE_MS).toFixed(2)}×).`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

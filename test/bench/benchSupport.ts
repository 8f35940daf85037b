import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export type Row = readonly string[];

/** A Markdown table, so the output can go straight into the README. */
export function table(header: Row, rows: readonly Row[]): string {
  const line = (cells: Row) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * The Python that has Debian's pydicom. A pyenv shim may come first on PATH without it, so the
 * system interpreter is tried too.
 */
export function pythonWithPydicom(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import pydicom'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  throw new Error('no python3 with pydicom found: apt-get install python3-pydicom');
}

/** What the event loop went through while some work ran in this process. */
export interface LoopWatch {
  /** Event-loop delay at 1 ms resolution (perf_hooks), in ms. */
  readonly p99Ms: number;
  readonly maxMs: number;
  /** The longest gap between two 1 ms ticks, split into time on a CPU and time waiting for one. */
  readonly longestGapMs: number;
  readonly longestGapOnCpuMs: number;
  /** The longest time the main thread ran between two ticks: our own blocking, whatever the load. */
  readonly longestOnCpuMs: number;
}

/**
 * Main-thread time on a CPU and waiting in the run queue, in ns, from Linux's schedstat (the
 * main thread's task id is the process id); null elsewhere.
 */
function mainThreadSchedule(): { onCpu: number; waiting: number } | null {
  try {
    const [onCpu, waiting] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { onCpu, waiting };
  } catch {
    return null;
  }
}

/**
 * Runs `work` with the event loop watched: perf_hooks' delay histogram for p99, and a 1 ms
 * timer that reads the main thread's schedstat on each tick, so a long block can be told apart
 * from time spent waiting for a CPU on a loaded machine (the wait is not our code's doing).
 */
export async function watchEventLoop<T>(work: () => Promise<T>): Promise<{ value: T; loop: LoopWatch }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = { at: performance.now(), schedule: mainThreadSchedule() };
  let longestGapMs = 0;
  let longestGapOnCpuMs = 0;
  let longestOnCpuMs = 0;
  const tick = setInterval(() => {
    const now = { at: performance.now(), schedule: mainThreadSchedule() };
    const gap = now.at - last.at;
    const onCpu = now.schedule && last.schedule ? (now.schedule.onCpu - last.schedule.onCpu) / 1e6 : gap;
    if (gap > longestGapMs) {
      longestGapMs = gap;
      longestGapOnCpuMs = onCpu;
    }
    longestOnCpuMs = Math.max(longestOnCpuMs, onCpu);
    last = now;
  }, 1);
  histogram.enable();
  try {
    const value = await work();
    return { value, loop: { p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6, longestGapMs, longestGapOnCpuMs, longestOnCpuMs } };
  } finally {
    histogram.disable();
    clearInterval(tick);
  }
}

/** One line for a bench report. */
export function loopText(loop: LoopWatch): string {
  return (
    `event-loop delay p99 ${loop.p99Ms.toFixed(1)} ms, longest ${loop.maxMs.toFixed(1)} ms (1 ms resolution); ` +
    `longest gap between 1 ms ticks ${loop.longestGapMs.toFixed(0)} ms, of which ${loop.longestGapOnCpuMs.toFixed(0)} ms on a CPU (the rest waiting for one); ` +
    `longest time on a CPU between two ticks (our own blocking) ${loop.longestOnCpuMs.toFixed(0)} ms`
  );
}

// Starts and stops the code-server that scripts/vscode/install-code-server.sh installs: a real
// VS Code (workbench + Node extension host) served on loopback. Used by the integration runner,
// the end-to-end harness and `npm start`.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(REPO_ROOT, '.vscode-test/code-server');
const ENTRY = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');

export interface CodeServerOptions {
  /** Folder the workbench opens. */
  readonly workspace: string;
  /** Fresh per run: settings, state and logs of this VS Code. */
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Every line code-server prints goes here. */
  readonly logFile: string;
  /** Port to listen on; 0 (default) lets the system pick a free one. */
  readonly port?: number;
  /** Extra environment for code-server and the extension host it starts. */
  readonly env?: Readonly<Record<string, string>>;
  /** User settings on top of QUIET_SETTINGS. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Leave an existing settings.json alone (a user's own VS Code state across `npm start` runs). */
  readonly keepUserSettings?: boolean;
  /** Give up when the server has not said where it listens after this long. */
  readonly startTimeoutMs?: number;
}

export interface CodeServer {
  /** e.g. http://127.0.0.1:41235 (no trailing slash) */
  readonly origin: string;
  readonly port: number;
  /** The workbench URL with the workspace folder opened. */
  workbenchUrl(query?: Readonly<Record<string, string>>): string;
  /** Stops code-server and every process it started (extension host, pty host, watchers). */
  stop(): Promise<void>;
}

/** Settings for a predictable workbench: no welcome page, tips, trust prompts or update checks. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
};

export function assertCodeServerInstalled(): void {
  if (!fs.existsSync(ENTRY)) {
    throw new Error(`code-server is not installed in ${CODE_SERVER_DIR}: run scripts/vscode/install-code-server.sh`);
  }
}

function cleanEnv(extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // Inside a VS Code terminal these make code-server forward the request to that VS Code
  // instead of starting a server of its own.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'CODE_SERVER_CONFIG' || key === 'PASSWORD') delete env[key];
  }
  return env;
}

/** Kills the whole process group: code-server forks the extension host and other helpers. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  assertCodeServerInstalled();
  for (const dir of [options.userDataDir, options.extensionsDir, path.dirname(options.logFile)]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  // An explicit config file so code-server neither reads nor writes ~/.config/code-server.
  const configFile = path.join(options.userDataDir, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const settingsFile = path.join(options.userDataDir, 'User/settings.json');
  if (!options.keepUserSettings || !fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  }

  const args = [
    ENTRY,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${options.port ?? 0}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
    options.workspace,
  ];
  const log = fs.createWriteStream(options.logFile);
  const child = spawn(process.execPath, args, {
    cwd: options.workspace,
    env: cleanEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() reaches its children too
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const onParentExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onParentExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', onParentExit);
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    // Children that outlived their parent still carry the group id.
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Group empty.
    }
    log.end();
  };

  let port: number;
  try {
    port = await waitForListeningPort(child, options.startTimeoutMs ?? 60_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message} (log: ${options.logFile})`);
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    workbenchUrl(query = {}) {
      const params = new URLSearchParams({ folder: options.workspace, ...query });
      return `${origin}/?${params.toString()}`;
    },
    stop,
  };
}

/** code-server logs "HTTP server listening on http://127.0.0.1:PORT/" once it accepts requests. */
function waitForListeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => finish(new Error(`code-server did not start within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = /HTTP server listening on https?:\/\/[^\s:]+:(\d+)/.exec(buffered);
      if (match) finish(undefined, Number(match[1]));
    };
    const onExit = (code: number | null) => finish(new Error(`code-server exited early (code ${code})`));
    function finish(err?: Error, port?: number) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(port as number);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Puts this repository into an extensions folder the way an installed .vsix would be
 * (`publisher.name-version/`), as a symlink so the freshly built dist/ is what VS Code runs.
 */
export function installRepoAsExtension(extensionsDir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.join(REPO_ROOT, manifest.main))) {
    throw new Error(`${manifest.main} is missing: run npm run build first`);
  }
  fs.mkdirSync(extensionsDir, { recursive: true });
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.symlinkSync(REPO_ROOT, target, 'dir');
  return target;
}

/**
 * Ctrl+C or a CI cancel: exit through process.exit so the 'exit' hooks run (they kill the
 * code-server process group and remove temporary folders). Playwright closes its browsers itself.
 */
export function exitCleanlyOnSignals(): void {
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.once(signal as NodeJS.Signals, () => process.exit(code));
  }
}

/** Runs a test runner's main: clean exits on signals, its result as the exit status, 1 on a throw. */
export function runAsScript(main: () => Promise<number>): void {
  exitCleanlyOnSignals();
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

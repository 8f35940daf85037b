#!/usr/bin/env node
// Builds every bundle of the project with esbuild in one run (like vscode-hexeditor's
// .esbuild.config.js):
//   src/extension/extension.ts        -> dist/extension.js          (node, cjs, `vscode` external)
//   src/extension/viewer/frameWorker.ts -> dist/frameWorker.js     (node, cjs; worker thread)
//   src/cli/main.ts                   -> dist/cli.js                (node, cjs; bin/ wraps it)
//   src/cli/commands/NAME.ts          -> dist/cli/NAME.js           (node, cjs; required by dist/cli.js)
//   webview/NAME/main.ts, webview/NAME.ts -> dist/webview/NAME.js   (browser, iife)
//   codec WebAssembly (src/core/codecs/wasmFiles.json) -> dist/wasm/NAME.wasm
//   test/integration/suite/index.ts   -> out/test/integration/index.js
//       (the Mocha entry VS Code's extension host runs; mocha and every
//        test/integration/suite/**/*.test.ts bundled in, `vscode` external)
// Entries whose source does not exist yet are skipped, so the build works while parts are written.
// Flags: --watch (rebuild on change), --production (minify, no source maps).
'use strict';

const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const exists = (p) => fs.existsSync(path.join(root, p));

/** webview/NAME/main.ts and webview/NAME.ts (not .d.ts) become dist/webview/NAME.js. */
function webviewEntries() {
  const dir = path.join(root, 'webview');
  if (!fs.existsSync(dir)) return [];
  const entries = [];
  for (const dirent of fs.readdirSync(dir, { withFileTypes: true })) {
    if (dirent.isDirectory() && fs.existsSync(path.join(dir, dirent.name, 'main.ts'))) {
      entries.push({ name: dirent.name, source: `webview/${dirent.name}/main.ts` });
    } else if (dirent.isFile() && dirent.name.endsWith('.ts') && !dirent.name.endsWith('.d.ts')) {
      entries.push({ name: dirent.name.slice(0, -3), source: `webview/${dirent.name}` });
    }
  }
  return entries;
}

/** Every integration suite file, relative to the suite folder, without `.test.ts`. */
function integrationSuites() {
  const suiteDir = path.join(root, 'test/integration/suite');
  if (!fs.existsSync(suiteDir)) return [];
  return fs
    .readdirSync(suiteDir, { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -'.test.ts'.length))
    // INTEGRATION_SUITES=compare,csv builds only those suites (run one suite while working on it).
    .filter((name) => !process.env.INTEGRATION_SUITES || process.env.INTEGRATION_SUITES.split(',').includes(name))
    .sort();
}

/**
 * The commands src/cli/main.ts loads with `import('./commands/NAME')`. Each becomes
 * dist/cli/NAME.js. Separate CommonJS bundles rather than esbuild's ES module chunks: Node starts
 * a CommonJS file measurably faster (ES module loading cost about a third of Node's own start-up
 * on the start-up bench), and start-up is most of a one-file command's time.
 */
function cliCommands() {
  const source = fs.readFileSync(path.join(root, 'src/cli/main.ts'), 'utf8');
  return [...source.matchAll(/import\('\.\/commands\/(\w+)'\)/g)].map((m) => m[1]);
}

/** Leaves main.ts's `import('./commands/NAME')` out of dist/cli.js, as `require('./cli/NAME.js')`. */
const cliCommandsApart = {
  name: 'cli-commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/\w+$/ }, (args) =>
      args.importer === path.join(root, 'src/cli/main.ts')
        ? { path: `./cli/${path.basename(args.path)}.js`, external: true }
        : undefined);
  },
};

const common = {
  bundle: true,
  // fflate's Node build requires worker_threads as it loads (for its asynchronous API, which the
  // project does not use: src/core/parse/inflate.ts uses the synchronous Inflate stream). The
  // browser build is the same code without that, and spares every CLI start loading workers.
  alias: { fflate: 'fflate/browser' },
  tsconfig: path.join(root, 'tsconfig.json'),
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

function buildOptions() {
  const builds = [];
  if (exists('src/extension/extension.ts')) {
    builds.push({
      ...common,
      entryPoints: ['src/extension/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
    });
  }
  if (exists('src/extension/viewer/frameWorker.ts')) {
    // The viewer's frame decoding, run in a worker thread beside dist/extension.js (bytes come from the host).
    builds.push({
      ...common,
      entryPoints: ['src/extension/viewer/frameWorker.ts'],
      outfile: 'dist/frameWorker.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
    });
  }
  if (exists('src/cli/main.ts')) {
    // The dispatcher alone; each command is its own bundle, required on first use (see
    // cliCommandsApart), so starting `dump` compiles only what dump runs.
    builds.push({
      ...common,
      entryPoints: ['src/cli/main.ts'],
      outfile: 'dist/cli.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      plugins: [cliCommandsApart],
      // `import()` of a command becomes `require()`: a native import() would start Node's
      // ES module loader, which costs more than the whole dispatcher.
      supported: { 'dynamic-import': false },
    });
    for (const name of cliCommands()) {
      builds.push({
        ...common,
        entryPoints: [`src/cli/commands/${name}.ts`],
        outfile: `dist/cli/${name}.js`,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
      });
    }
  }
  for (const { name, source } of webviewEntries()) {
    builds.push({
      ...common,
      entryPoints: [source],
      outfile: `dist/webview/${name}.js`,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      // Inline maps: a webview's CSP only lets it load what the extension serves.
      sourcemap: production ? false : 'inline',
    });
  }
  if (exists('test/integration/suite/index.ts')) {
    const suites = integrationSuites();
    builds.push({
      ...common,
      entryPoints: ['test/integration/suite/index.ts'],
      outfile: 'out/test/integration/index.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      minify: false,
      sourcemap: 'inline',
      // index.ts requires `./${name}.test.ts` for each name; esbuild bundles every file that
      // pattern can match and this list says which to load, in a stable order.
      define: { INTEGRATION_SUITES: JSON.stringify(suites) },
      // Mocha's parallel mode resolves worker files at run time; the suites run serially.
      logOverride: { 'require-resolve-not-external': 'silent' },
    });
  }
  return builds;
}

/**
 * The codecs' WebAssembly binaries, copied to dist/wasm/NAME.wasm: the bundles have no
 * node_modules beside them (the .vsix ships only dist/), so src/node/codecWasm.ts serves these.
 */
function copyCodecWasm() {
  const list = path.join(root, 'src/core/codecs/wasmFiles.json');
  if (!fs.existsSync(list)) return 0;
  const files = Object.entries(JSON.parse(fs.readFileSync(list, 'utf8')));
  const out = path.join(root, 'dist/wasm');
  fs.mkdirSync(out, { recursive: true });
  for (const [name, spec] of files) {
    fs.copyFileSync(require.resolve(spec, { paths: [root] }), path.join(out, `${name}.wasm`));
  }
  return files.length;
}

async function main() {
  const started = Date.now();
  const builds = buildOptions();
  if (production) {
    // Maps of an earlier development build would not match the minified bundles.
    const dist = path.join(root, 'dist');
    if (fs.existsSync(dist)) {
      for (const f of fs.readdirSync(dist, { recursive: true })) {
        if (String(f).endsWith('.map')) fs.rmSync(path.join(dist, String(f)));
      }
    }
  }
  if (watch) {
    // Entries and suite files added later need a restart: the lists are read once, here.
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log(`watching ${builds.length} bundles (Ctrl+C to stop)`);
    return;
  }
  // A command removed from main.ts must not leave its old bundle behind.
  fs.rmSync(path.join(root, 'dist/cli'), { recursive: true, force: true });
  const wasm = copyCodecWasm();
  const results = await Promise.allSettled(builds.map((b) => esbuild.build(b)));
  const failed = results.filter((r) => r.status === 'rejected');
  for (const [i, r] of results.entries()) {
    console.log(`${r.status === 'fulfilled' ? 'built ' : 'FAILED'} ${builds[i].outfile}`);
  }
  if (failed.length > 0) {
    process.exitCode = 1;
    return;
  }
  console.log(`${builds.length} bundles and ${wasm} codec binaries in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

/**
 * `npm run bench`: every benchmark, each side by side with a reference tool in the same run.
 * Pass names to run some of them: `npm run bench -- headers`.
 */
import { benchBytes } from './bytes';
import { benchCodecs } from './codecs';
import { benchCsv } from './csv';
import { benchDiff } from './diff';
import { benchExplorerIndex } from './explorerIndex';
import { benchHeaders } from './headers';
import { benchHostileCommands } from './hostileCommands';
import { benchHostileForms } from './hostileForms';
import { benchHostileFrames } from './hostileFrames';
import { benchSort } from './sort';
import { benchStartup } from './startup';
import { benchValidate } from './validate';
import { benchViewer } from './viewer';
import { benchViewerLooks } from './viewerLooks';

const BENCHES: Record<string, () => Promise<string>> = {
  headers: benchHeaders,
  startup: benchStartup,
  sort: benchSort,
  csv: benchCsv,
  codecs: benchCodecs,
  viewer: benchViewer,
  validate: benchValidate,
  diff: benchDiff,
  'viewer-looks': benchViewerLooks,
  hostile: benchHostileFrames,
  'hostile-forms': benchHostileForms,
  'hostile-commands': benchHostileCommands,
  bytes: benchBytes,
  'explorer-index': benchExplorerIndex,
};

async function run(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    process.stdout.write(`\n## ${name}\n\n${await bench()}\n`);
  }
}

run().catch((problem) => {
  console.error(problem);
  process.exitCode = 1;
});

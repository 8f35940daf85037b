#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build` into dist/cli.js.
const { main } = require('../dist/cli.js');
// A closed pipe (e.g. `| head`) is a normal way for a reader to stop listening.
process.stdout.on('error', (error) => { if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw error; });
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => { process.exitCode = code; },
  (problem) => {
    process.stderr.write(`dicom-inspector: ${problem instanceof Error ? problem.stack : String(problem)}\n`);
    process.exitCode = 2;
  },
);

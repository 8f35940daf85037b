#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build` into dist/cli.js (each command in dist/cli/, loaded on use).
require('../dist/cli.js').runCli();

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OUTPUTS, SOURCES, privateTableText, standardTableText } from '../../scripts/dictionary/generate';
import { requirePydicom } from '../support/pydicom';

// The committed tables are what the generator writes from its sources today: nobody edited
// them by hand, and a new snapshot of the sources shows up here as a difference to regenerate.

test('the standard table is the generator\'s output from ../shared/standard', (t) => {
  const dir = SOURCES.standardDir();
  if (!existsSync(path.join(dir, 'attributes.json'))) {
    if (process.env.CI) throw new Error(`${dir}/attributes.json is missing`);
    t.skip('the shared standard tables are not beside the checkout');
    return;
  }
  assert.ok(readFileSync(OUTPUTS.standard, 'utf8') === standardTableText(dir), 'run `npm run generate:dictionary`');
});

test('the private table is the generator\'s output from pydicom and DCMTK', (t) => {
  const python = requirePydicom(t);
  if (python === null) return;
  assert.ok(readFileSync(OUTPUTS.private, 'utf8') === privateTableText(python, SOURCES.privateDic()), 'run `npm run generate:dictionary`');
});

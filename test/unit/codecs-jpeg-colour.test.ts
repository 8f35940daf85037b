/**
 * JPEG baseline colour when the DICOM header and the codestream disagree, with DCMTK as the
 * reference: DCMTK's encoder makes a JFIF (YCbCr) codestream from an RGB image written by the
 * project's writer; the codestream is then labelled RGB or YBR_FULL, with its own JFIF marker,
 * with an Adobe "no transform" marker instead, or with no marker, and every variant must render
 * as dcmj2pnm renders it (the header decides, as in DCMTK and pydicom), with a warning
 * whenever the header and the codestream's marking disagree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { readJpegHeader } from '../../src/core/codecs';
import { withColourMarker } from '../../src/core/codecs/jpegDct';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { decodeAllFrames, scratchPath, warningText } from './codecsReference';
import { writeImage } from './renderFixtures';
import { compareWithDcmtk, hasDcmtk } from './renderDcmtkSupport';

// CI installs DCMTK (.ci/run): there a missing tool fails the test instead of skipping it.
const skip = hasDcmtk() || process.env.CI ? false : 'DCMTK (dcmcjpeg, dcmj2pnm) is not installed';

const ROWS = 48;
const COLUMNS = 64;

function rgbImage(): number[] {
  const samples: number[] = [];
  for (let y = 0; y < ROWS; y++) for (let x = 0; x < COLUMNS; x++) samples.push((x * 4) & 255, (y * 5) & 255, ((x + y) * 3) & 255);
  return samples;
}

/** DCMTK's baseline JPEG of an RGB image (4:4:4 YCbCr with a JFIF marker). */
function dcmtkCodestream(): Uint8Array {
  const native = scratchPath('rgb.dcm');
  writeFileSync(native, writeImage({ rows: ROWS, columns: COLUMNS, photometric: 'RGB', bitsAllocated: 8, bitsStored: 8, samples: rgbImage() }));
  const compressed = scratchPath('jpeg.dcm');
  execFileSync('dcmcjpeg', ['+eb', '+s4', native, compressed], { stdio: 'pipe' });
  const bytes = readFileSync(compressed);
  const fragment = parseDicomBytes(bytes).dataSet.find((e) => e.tag === '7FE00010')?.fragments?.[0];
  assert.ok(fragment, 'DCMTK wrote encapsulated pixel data');
  return bytes.subarray(fragment.valueOffset, fragment.valueOffset + fragment.length);
}

function labelled(codestream: Uint8Array, photometric: string): string {
  const file = scratchPath(`${photometric}.dcm`);
  writeFileSync(file, writeImage({ rows: ROWS, columns: COLUMNS, photometric, bitsAllocated: 8, bitsStored: 8, samples: [], transferSyntax: 'jpegBaseline', encapsulatedFrames: [[codestream]] }));
  return file;
}

/** The codestream without its JFIF segment: no colour marking at all. */
function unmarked(codestream: Uint8Array): Uint8Array {
  const app0 = 4 + ((codestream[4] << 8) | codestream[5]);
  const out = new Uint8Array(codestream.length - (app0 - 2));
  out.set(codestream.subarray(0, 2));
  out.set(codestream.subarray(app0), 2);
  return out;
}

function pixelDataFirstFragment(file: string): number | undefined {
  return parseDicomBytes(readFileSync(file)).dataSet.find((e) => e.tag === '7FE00010')?.fragments?.[0].offset;
}

test('JPEG colour: every header/marker combination renders as dcmj2pnm, with a warning on disagreement', { skip }, async () => {
  const jfif = dcmtkCodestream();
  assert.equal(readJpegHeader(jfif)?.jfif, true, 'DCMTK writes a JFIF marker');
  const adobeRgb = withColourMarker(jfif, false);
  assert.equal(readJpegHeader(adobeRgb)?.jfif, false);
  assert.equal(readJpegHeader(adobeRgb)?.adobeTransform, 0);
  const cases = [
    { name: 'JFIF labelled RGB', codestream: jfif, photometric: 'RGB', warning: /RGB but the JPEG codestream is marked as YCbCr \(JFIF marker\)/ },
    { name: 'JFIF labelled YBR_FULL', codestream: jfif, photometric: 'YBR_FULL', warning: undefined },
    { name: 'Adobe RGB labelled YBR_FULL', codestream: adobeRgb, photometric: 'YBR_FULL', warning: /YBR_FULL but the JPEG codestream is marked as RGB/ },
    { name: 'Adobe RGB labelled RGB', codestream: adobeRgb, photometric: 'RGB', warning: undefined },
    { name: 'unmarked labelled RGB', codestream: unmarked(jfif), photometric: 'RGB', warning: undefined },
    { name: 'unmarked labelled YBR_FULL', codestream: unmarked(jfif), photometric: 'YBR_FULL', warning: undefined },
  ];
  for (const c of cases) {
    const file = labelled(c.codestream, c.photometric);
    const comparison = await compareWithDcmtk(file);
    // Lossy syntax: within three levels of DCMTK (libjpeg-turbo and IJG round differently).
    assert.ok(comparison.maxDifference <= 3, `${c.name}: differs from dcmj2pnm by ${comparison.maxDifference}`);
    const warnings = (await decodeAllFrames(file)).frames[0].warnings ?? [];
    if (c.warning) {
      assert.match(warningText(warnings), c.warning, c.name);
      assert.equal(warnings[0].code, 'jpeg-colour-mismatch');
      assert.equal(warnings[0].offset, pixelDataFirstFragment(file), 'placed at the frame\'s first fragment');
    } else {
      assert.deepEqual(warnings, [], c.name);
    }
  }
});

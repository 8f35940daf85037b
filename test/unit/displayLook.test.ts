/**
 * The viewer's display additions (colour maps, equalisation, value range mask, measurements)
 * against numpy computations written here from the published definitions: matplotlib's
 * colour map algorithm (_create_lookup_table, Colormap.__call__ with bytes=True), fastai's
 * freqhist_bins / hist_scaled, and plain numpy masks and statistics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as data from '../../src/core/display/colourMapData';
import { COLOUR_MAP_NAMES, colourMapRgb } from '../../src/core/display/colourMaps';
import { renderWithLook } from '../../src/core/display/displayLook';
import { equalisedFraction, freqhistBreaks, storedValueCounts } from '../../src/core/display/equalise';
import { lineLength, regionStats } from '../../src/core/display/measure';
import type { FrameDisplaySettings } from '../../src/core/display/frameDisplaySettings';
import type { StoredFrame } from '../../src/core/pixels/storedFrame';
import { VALUE_RANGE_PRESETS } from '../../src/core/display/valueRange';

const PYTHON = '/usr/bin/python3';

function hasNumpy(module = 'numpy'): boolean {
  try {
    execFileSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const skipNumpy = hasNumpy() || process.env.CI ? false : 'numpy is not installed (apt-get install python3-numpy)';
const skipMatplotlib = hasNumpy('matplotlib') || process.env.CI ? false : 'matplotlib is not installed (apt-get install python3-matplotlib)';

function python(script: string, input: unknown): any {
  return JSON.parse(execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(input), maxBuffer: 64 << 20 }).toString());
}

/** A CT-like 12-bit slice: air outside a disc, tissue with rings, some bone, noise from a fixed seed. */
function ctFrame(width: number, height: number): StoredFrame {
  const samples = new Int16Array(width * height);
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x - width / 2, y - height / 2) / (Math.min(width, height) / 2);
      const base = d > 0.9 ? 24 : d > 0.8 ? 1024 + 900 : 1024 + 40 + 60 * Math.sin(d * 30);
      samples[y * width + x] = Math.round(base + (rand() - 0.5) * 80);
    }
  }
  return { width, height, samplesPerPixel: 1, photometric: 'MONOCHROME2', bitsStored: 12, signed: true, samples };
}

const CT: FrameDisplaySettings = { modality: { kind: 'rescale', slope: 1, intercept: -1024, unit: 'HU' }, windows: [], voiFunction: 'LINEAR', voiLuts: [], modalityName: 'CT' };

const COLOURMAP_NUMPY = `
import json, sys
import numpy as np
d = json.load(sys.stdin)
N = 256
def segmented(seg):
    a = np.array(seg, dtype=float)
    x = a[:, 0] * (N - 1); y0 = a[:, 1]; y1 = a[:, 2]
    xind = (N - 1) * np.linspace(0, 1, N)
    ind = np.searchsorted(x, xind)[1:-1]
    distance = (xind[1:-1] - x[ind - 1]) / (x[ind] - x[ind - 1])
    lut = np.concatenate([[y1[0]], distance * (y0[ind] - y1[ind - 1]) + y1[ind - 1], [y0[-1]]])
    return np.clip(lut, 0.0, 1.0)
out = {}
for name, seg in d['segmented'].items():
    lut = np.stack([segmented(seg[c]) for c in ('red', 'green', 'blue')], axis=1)
    out[name] = (lut * 255).astype(np.uint8).ravel().tolist()
x = 1 - np.linspace(0, 1, N)  # reversed() of a function map evaluates func(1 - x)
lut = np.clip(np.stack([3 * x - 2, np.abs((3 * x - 1) / 2), x], axis=1), 0, 1)
out['ocean_r'] = (lut * 255).astype(np.uint8).ravel().tolist()
out['viridis'] = (np.array(d['viridis']).reshape(-1, 3) * 255).astype(np.uint8).ravel().tolist()
# Grey level g picks entry int(g / 255 * N), clipped: the index Colormap.__call__ computes.
g = np.arange(256) / 255.0
out['index'] = np.minimum((g * N).astype(int), N - 1).tolist()
print(json.dumps(out))
`;

test('colour maps match the matplotlib algorithm run in numpy on the published data', { skip: skipNumpy }, () => {
  const ref = python(COLOURMAP_NUMPY, { segmented: { gray: data.GRAY, bone: data.BONE, hot: data.HOT, jet: data.JET }, viridis: data.VIRIDIS });
  assert.deepEqual(ref.index, Array.from({ length: 256 }, (_, i) => i), 'grey level g is entry g');
  for (const name of COLOUR_MAP_NAMES) assert.deepEqual(Array.from(colourMapRgb(name)), ref[name], name);
  // Spot checks a reader can verify by eye: bone ends white, hot starts dark red, ocean_r starts white.
  assert.deepEqual(Array.from(colourMapRgb('bone').slice(255 * 3)), [255, 255, 255]);
  assert.deepEqual(Array.from(colourMapRgb('hot').slice(0, 3)), [10, 0, 0]);
  assert.deepEqual(Array.from(colourMapRgb('ocean_r').slice(0, 3)), [255, 255, 255]);
});

test('colour maps match matplotlib itself where it is installed', { skip: skipMatplotlib }, () => {
  const ref = python(`
import json, sys
import numpy as np
import matplotlib
names = json.load(sys.stdin)
print(json.dumps({n: matplotlib.colormaps[n](np.arange(256) / 255.0, bytes=True)[:, :3].ravel().tolist() for n in names}))
`, COLOUR_MAP_NAMES);
  for (const name of COLOUR_MAP_NAMES) assert.deepEqual(Array.from(colourMapRgb(name)), ref[name], name);
});

const EQUALISE_NUMPY = `
import json, sys
import numpy as np
d = json.load(sys.stdin)
x = np.array(d['values'], dtype=float)
n = d['bins']
imsd = np.sort(x)
t = np.concatenate([np.array([0.001], dtype=np.float32), np.arange(n, dtype=np.float32) / np.float32(n) + np.float32(1 / 2 / n), np.array([0.999], dtype=np.float32)]).astype(np.float32)
idx = (np.float32(len(imsd)) * t).astype(np.int64)
brks = np.unique(imsd[idx])
ys = np.linspace(0.0, 1.0, len(brks))
frac = np.clip(np.interp(x, brks, ys), 0.0, 1.0)
print(json.dumps({'breaks': brks.tolist(), 'fraction': frac.tolist()}))
`;

test('equalised display: breaks and scaled values match fastai freqhist_bins / hist_scaled in numpy', { skip: skipNumpy }, () => {
  const frame = ctFrame(96, 80);
  const values = Array.from(frame.samples, (s) => s - 1024);
  for (const bins of [10, 100]) {
    const counts = storedValueCounts(frame.samples, -2048, 4096);
    const breaks = freqhistBreaks(counts, -2048, CT.modality, bins);
    const ref = python(EQUALISE_NUMPY, { values, bins });
    assert.deepEqual(breaks, ref.breaks, `breaks for ${bins} bins`);
    let worst = 0;
    values.forEach((v, i) => (worst = Math.max(worst, Math.abs(equalisedFraction(v, breaks) - ref.fraction[i]))));
    assert.ok(worst < 1e-12, `fractions differ by ${worst}`);
  }
  // Equalised pixels spread over the grey range: each eighth of the greys holds roughly an eighth of the pixels.
  const counts = storedValueCounts(frame.samples, -2048, 4096);
  const image = renderWithLook(frame, CT, {}, { colourMap: 'gray', range: null, equalise: freqhistBreaks(counts, -2048, CT.modality, 100) });
  const eighths = new Array(8).fill(0);
  for (const g of image.data) eighths[g >> 5]++;
  for (const c of eighths) assert.ok(c > image.data.length / 16, `grey eighths ${eighths}`);
});

const MASK_NUMPY = `
import json, sys
import numpy as np
d = json.load(sys.stdin)
hu = np.array(d['values'], dtype=float)
c, w = d['center'], d['width']
grey = np.clip(np.trunc(((hu - (c - 0.5)) / (w - 1) + 0.5) * 255 + 1e-7), 0, 255)
grey = np.where(hu <= c - 0.5 - (w - 1) / 2, 0, np.where(hu > c - 0.5 + (w - 1) / 2, 255, grey)).astype(int)
inside = (hu >= d['min']) & (hu <= d['max'])
print(json.dumps({'grey': grey.tolist(), 'inside': inside.tolist()}))
`;

test('value range mask and colour map: pixels outside [min, max] HU are black, the rest take the colour map entry of their grey', { skip: skipNumpy }, () => {
  const frame = ctFrame(64, 64);
  const values = Array.from(frame.samples, (s) => s - 1024);
  for (const preset of VALUE_RANGE_PRESETS.filter((p) => ['bone', 'soft-tissue', 'lungs'].includes(p.id))) {
    const image = renderWithLook(frame, CT, { window: { center: 40, width: 400 } }, { colourMap: 'bone', range: preset, equalise: null });
    assert.equal(image.channels, 3);
    const ref = python(MASK_NUMPY, { values, center: 40, width: 400, min: preset.min, max: preset.max });
    const map = colourMapRgb('bone');
    let insideCount = 0;
    for (let i = 0; i < values.length; i++) {
      const rgb = Array.from(image.data.slice(i * 3, i * 3 + 3));
      if (!ref.inside[i]) {
        assert.deepEqual(rgb, [0, 0, 0], `pixel ${i} (${values[i]} HU) is masked for ${preset.id}`);
        continue;
      }
      insideCount++;
      assert.deepEqual(rgb, Array.from(map.slice(ref.grey[i] * 3, ref.grey[i] * 3 + 3)), `pixel ${i} (${values[i]} HU) for ${preset.id}`);
    }
    assert.ok(insideCount > 0 && insideCount < values.length, `${preset.id} keeps some pixels and masks others (${insideCount})`);
  }
});

const ROI_NUMPY = `
import json, sys
import numpy as np
d = json.load(sys.stdin)
img = np.array(d['values'], dtype=float).reshape(d['height'], d['width'])
yy, xx = np.mgrid[0:d['height'], 0:d['width']] + 0.5
out = []
for s in d['shapes']:
    l, r = min(s['x0'], s['x1']), max(s['x0'], s['x1'])
    t, b = min(s['y0'], s['y1']), max(s['y0'], s['y1'])
    if s['kind'] == 'rectangle':
        m = (xx >= l) & (xx < r) & (yy >= t) & (yy < b)
    else:
        rx, ry = (r - l) / 2, (b - t) / 2
        m = ((xx - (l + rx)) / rx) ** 2 + ((yy - (t + ry)) / ry) ** 2 <= 1
    v = img[m]
    out.append({'pixels': int(m.sum()), 'mean': v.mean(), 'sd': v.std(), 'min': v.min(), 'max': v.max()})
print(json.dumps(out))
`;

test('ROI mean, SD, min, max and area, and line length, agree with numpy on the same pixels', { skip: skipNumpy }, () => {
  const frame = ctFrame(100, 90);
  const values = Array.from(frame.samples, (s) => s - 1024);
  const shapes = [
    { kind: 'rectangle' as const, x0: 10.2, y0: 12.7, x1: 60.4, y1: 40.1 },
    { kind: 'ellipse' as const, x0: 70.5, y0: 80.2, x1: 20.3, y1: 15.9 },
    { kind: 'ellipse' as const, x0: 40, y0: 40, x1: 47, y1: 43 },
  ];
  const ref = python(ROI_NUMPY, { values, width: 100, height: 90, shapes });
  const spacing = { row: 0.7, column: 0.5, source: 'pixel' as const };
  shapes.forEach((shape, i) => {
    const s = regionStats(frame.samples, 100, 90, CT.modality, shape, spacing);
    assert.ok(s);
    assert.equal(s.pixels, ref[i].pixels, `pixels of shape ${i}`);
    for (const k of ['mean', 'sd', 'min', 'max'] as const) assert.ok(Math.abs(s[k] - ref[i][k]) < 1e-9, `${k} of shape ${i}: ${s[k]} vs ${ref[i][k]}`);
    assert.ok(Math.abs(s.areaMm2! - ref[i].pixels * 0.35) < 1e-9);
  });
  assert.deepEqual(lineLength(0, 0, 30, 40, null), { value: 50, unit: 'px' });
  const mm = lineLength(0, 0, 30, 40, spacing);
  assert.equal(mm.unit, 'mm');
  assert.ok(Math.abs(mm.value - Math.hypot(30 * 0.5, 40 * 0.7)) < 1e-12);
});

test('pixel spacing and RT Dose scaling reach the display settings (readout in mm and Gy)', async () => {
  const { memoryFileAccess } = await import('../../src/core/io');
  const { openDicom } = await import('../../src/core/parse/readDicom');
  const { frameDisplaySettings } = await import('../../src/core/display/frameDisplaySettings');
  const { writeImage } = await import('./renderFixtures');
  const open = async (extra: { tag: number; vr: string; value: string }[], modality: string) => {
    const bytes = writeImage({ rows: 2, columns: 2, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, samples: [0, 1, 2, 3], modality, extra });
    const { file, source } = await openDicom(memoryFileAccess(bytes));
    return frameDisplaySettings(file, 0, source);
  };
  const dose = await open([{ tag: 0x30040002, vr: 'CS', value: 'GY' }, { tag: 0x3004000e, vr: 'DS', value: '0.0025' }, { tag: 0x00280030, vr: 'DS', value: '2.5\\3' }], 'RTDOSE');
  assert.deepEqual(dose.modality, { kind: 'rescale', slope: 0.0025, intercept: 0, unit: 'Gy' });
  assert.deepEqual(dose.pixelSpacing, { row: 2.5, column: 3, source: 'pixel' });
  const cr = await open([{ tag: 0x00181164, vr: 'DS', value: '0.139\\0.139' }], 'CR');
  assert.deepEqual(cr.pixelSpacing, { row: 0.139, column: 0.139, source: 'imager' });
  assert.equal((await open([], 'OT')).pixelSpacing, null);
});

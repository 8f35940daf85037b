/**
 * Colour maps for greyscale frames, built from matplotlib's definitions (colourMapData.ts) the
 * way matplotlib builds them: 256 entries, segment data interpolated at x = i / 255, values
 * clipped to [0, 1] and turned into bytes by truncation (`(lut * 255).astype(uint8)`). An 8-bit
 * grey level g then picks entry g, as `plt.imshow(grey / 255, cmap=NAME)` does.
 */
import { BONE, GRAY, HOT, JET, OCEAN, VIRIDIS, type SegmentData, type Segments } from './colourMapData';

export const COLOUR_MAP_NAMES = ['gray', 'bone', 'hot', 'jet', 'viridis', 'ocean_r'] as const;
export type ColourMapName = (typeof COLOUR_MAP_NAMES)[number];

const ENTRIES = 256;

export function isColourMapName(name: string): name is ColourMapName {
  return (COLOUR_MAP_NAMES as readonly string[]).includes(name);
}

/** np.linspace(0, 1, 256)[i], computed as numpy does (i * step), so the values match to the bit. */
const linspace = (i: number): number => (i === ENTRIES - 1 ? 1 : i * (1 / (ENTRIES - 1)));

const clip01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/** matplotlib's _create_lookup_table for segment data (gamma 1). */
function segmentChannel(segments: Segments): Float64Array {
  const out = new Float64Array(ENTRIES);
  const xs = segments.map((s) => s[0] * (ENTRIES - 1));
  out[0] = segments[0][2];
  out[ENTRIES - 1] = segments[segments.length - 1][1];
  for (let i = 1; i < ENTRIES - 1; i++) {
    const x = (ENTRIES - 1) * linspace(i);
    // np.searchsorted(x, xind), side 'left': first segment point at or beyond x.
    let k = 0;
    while (k < xs.length && xs[k] < x) k++;
    const distance = (x - xs[k - 1]) / (xs[k] - xs[k - 1]);
    out[i] = distance * (segments[k][1] - segments[k - 1][2]) + segments[k - 1][2];
  }
  return out.map(clip01);
}

function fromSegments(data: SegmentData): Float64Array[] {
  return [segmentChannel(data.red), segmentChannel(data.green), segmentChannel(data.blue)];
}

/** A function map (gnuplot style) sampled at linspace(0, 1, 256); reversed maps sample f(1 - x). */
function fromFunctions(fns: readonly ((x: number) => number)[], reversed: boolean): Float64Array[] {
  return fns.map((f) => {
    const out = new Float64Array(ENTRIES);
    for (let i = 0; i < ENTRIES; i++) {
      const x = linspace(i);
      out[i] = clip01(f(reversed ? 1 - x : x));
    }
    return out;
  });
}

function fromListed(rows: readonly number[]): Float64Array[] {
  return [0, 1, 2].map((c) => Float64Array.from({ length: ENTRIES }, (_, i) => rows[i * 3 + c]));
}

function channels(name: ColourMapName): Float64Array[] {
  switch (name) {
    case 'gray': return fromSegments(GRAY);
    case 'bone': return fromSegments(BONE);
    case 'hot': return fromSegments(HOT);
    case 'jet': return fromSegments(JET);
    case 'viridis': return fromListed(VIRIDIS);
    case 'ocean_r': return fromFunctions([OCEAN.red, OCEAN.green, OCEAN.blue], true);
  }
}

const cache = new Map<ColourMapName, Uint8Array>();

/** The map as 256 RGB triplets (768 bytes): entry g is the colour of grey level g. */
export function colourMapRgb(name: ColourMapName): Uint8Array {
  let rgb = cache.get(name);
  if (!rgb) {
    const [r, g, b] = channels(name);
    rgb = new Uint8Array(ENTRIES * 3);
    for (let i = 0; i < ENTRIES; i++) {
      rgb[i * 3] = Math.trunc(r[i] * 255);
      rgb[i * 3 + 1] = Math.trunc(g[i] * 255);
      rgb[i * 3 + 2] = Math.trunc(b[i] * 255);
    }
    cache.set(name, rgb);
  }
  return rgb;
}

/** The map as opaque RGBA words in canvas byte order (little-endian), for the viewer's tables. */
export function colourMapWords(name: ColourMapName): Uint32Array {
  const rgb = colourMapRgb(name);
  const words = new Uint32Array(ENTRIES);
  for (let i = 0; i < ENTRIES; i++) words[i] = (0xff000000 | (rgb[i * 3 + 2] << 16) | (rgb[i * 3 + 1] << 8) | rgb[i * 3]) >>> 0;
  return words;
}

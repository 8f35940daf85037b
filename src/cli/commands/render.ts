/**
 * `dicom-inspector render FILE [--frame N | --all-frames] [--window CENTER WIDTH]
 *  [--colormap NAME] [--range MIN MAX] [--equalize N] [--no-overlays] --out OUT.png`
 *
 * Renders frames through the same pipeline as the viewer (src/core/display) and writes PNGs:
 * 8-bit grey for monochrome frames, RGB for colour ones and for colour-mapped or masked frames.
 */
import { openDicom } from '../../core/parse/readDicom';
import { frameDisplaySettings } from '../../core/display/frameDisplaySettings';
import { COLOUR_MAP_NAMES, isColourMapName, type ColourMapName } from '../../core/display/colourMaps';
import { isPlainLook, renderWithLook, type DisplayLook } from '../../core/display/displayLook';
import { freqhistBreaks, storedValueCounts } from '../../core/display/equalise';
import { isGreyscale, renderFrame, tableRange } from '../../core/display/renderFrame';
import type { StoredFrame } from '../../core/pixels/storedFrame';
import type { FrameDisplaySettings } from '../../core/display/frameDisplaySettings';
import { burnOverlays, overlayPlanes, readOverlays } from '../../core/display/overlays';
import { encodePng } from '../../core/png/encodePng';
import { framePngName } from '../../core/png/framePngName';
import { openPixelReader } from '../../core/pixels/readFrame';
import { DEFAULT_DECODE_LIMIT_MIB } from '../../core/pixels/decodeBudget';
import { PixelDataError } from '../../core/pixels/imageDescription';
import { offsetText } from '../../core/format/presentation';
import { openFileAccess } from '../../node/fileAccess';
import { fsMessage, isSystemError } from '../../node/fsMessage';
import { checkOutputTarget, OutputError, writeOutputFile } from '../../node/outputFile';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';

const USAGE = `Usage: dicom-inspector render FILE [--frame N | --all-frames] [--window CENTER WIDTH]
                              [--colormap NAME] [--range MIN MAX] [--equalize N]
                              [--no-overlays] [--decode-limit-mib N] --out OUT.png [--force]

Renders frames of a DICOM file to PNG through the viewer's display pipeline
(modality LUT, VOI window or LUT, MONOCHROME1 inversion, 8-bit output).

Options:
  --frame N               Frame to render, counting from 1 (default 1).
  --all-frames            Render every frame, to OUT-0001.png, OUT-0002.png, ...
  --window CENTER WIDTH   Window center and width in modality units (e.g. HU). Default: the
                          file's first window, else its VOI LUT, else the frame's min-max.
  --colormap NAME         Colour map for greyscale frames, as matplotlib defines it:
                          ${COLOUR_MAP_NAMES.join(', ')} (default gray). Writes RGB.
  --range MIN MAX         Show only pixels whose modality value (e.g. HU) is in [MIN, MAX];
                          the others are black (e.g. --range 300 894 for bone).
  --equalize N            Histogram-equalised display with N bins (fastai's freqhist_bins
                          and hist_scaled), from the frame's values; replaces the window.
  --no-overlays           Leave out the overlay planes (60xx). By default they are drawn
                          white over the frame, as dcmj2pnm does (its -O switches them off).
  --decode-limit-mib N    Memory one frame's decode may take, in MiB (default ${DEFAULT_DECODE_LIMIT_MIB});
                          a larger frame is refused before anything is allocated.
  --out OUT.png           Where to write the PNG (required). An existing file is not replaced
                          unless --force; the input or a read-only file never is.
  --force                 Replace existing PNGs.
  -h, --help              Show this help.

--window, --colormap, --range and --equalize apply to greyscale frames; colour frames are
written as they are. What the decoder noticed about a frame (codestream and header
disagreeing) is printed to stderr as warnings; the PNG is still written.

Exit status: 0 written, 1 a frame cannot be rendered (the reason on standard error), 2 bad
arguments, an unreadable or non-DICOM FILE, or an output that cannot or must not be written.
`;

interface RenderArgs {
  file: string;
  frame: number;
  allFrames: boolean;
  window?: { center: number; width: number };
  colourMap: ColourMapName;
  range: { min: number; max: number } | null;
  equaliseBins: number | null;
  overlays: boolean;
  decodeLimitMiB: number;
  out: string;
  force: boolean;
}

/** Two numbers after an option (--window C W, --range MIN MAX), or a usage error naming them. */
function twoNumbers(argv: string[], i: number, option: string, names: string): [number, number] {
  const a = argv[i + 1];
  const b = argv[i + 2];
  const x = Number(a);
  const y = Number(b);
  if (a === undefined || b === undefined || a.trim() === '' || b.trim() === '' || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new UsageError(`${option} needs two numbers, ${names} (got ${a ?? 'nothing'} ${b ?? ''}).`);
  }
  return [x, y];
}

class UsageError extends Error {}

/** Hand-rolled because node:util parseArgs cannot take two values after one option (--window C W). */
function parseRenderArgs(argv: string[]): RenderArgs | 'help' {
  const positionals: string[] = [];
  let frame = 1;
  let allFrames = false;
  let window: RenderArgs['window'];
  let colourMap: ColourMapName = 'gray';
  let range: RenderArgs['range'] = null;
  let equaliseBins: number | null = null;
  let overlays = true;
  let out: string | undefined;
  let force = false;
  let decodeLimitMiB = DEFAULT_DECODE_LIMIT_MIB;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--frame') {
      const v = argv[++i];
      frame = Number(v);
      if (v === undefined || !Number.isInteger(frame) || frame < 1) throw new UsageError(`--frame needs a whole number from 1, not ${v ?? 'nothing'}.`);
    } else if (a === '--all-frames') {
      allFrames = true;
    } else if (a === '--window') {
      const [center, width] = twoNumbers(argv, i, a, 'CENTER and WIDTH');
      i += 2;
      window = { center, width };
    } else if (a === '--range') {
      const [min, max] = twoNumbers(argv, i, a, 'MIN and MAX');
      i += 2;
      if (min > max) throw new UsageError(`--range needs MIN <= MAX (got ${min} ${max}).`);
      range = { min, max };
    } else if (a === '--colormap') {
      const name = argv[++i];
      if (name === undefined || !isColourMapName(name)) throw new UsageError(`--colormap needs one of ${COLOUR_MAP_NAMES.join(', ')} (got ${name ?? 'nothing'}).`);
      colourMap = name;
    } else if (a === '--equalize') {
      const v = argv[++i];
      equaliseBins = Number(v);
      if (v === undefined || !Number.isInteger(equaliseBins) || equaliseBins < 2 || equaliseBins > 4096) throw new UsageError(`--equalize needs a whole number of bins from 2 to 4096, not ${v ?? 'nothing'}.`);
    } else if (a === '--no-overlays') {
      overlays = false;
    } else if (a === '--decode-limit-mib') {
      const v = argv[++i];
      decodeLimitMiB = Number(v);
      if (v === undefined || !Number.isInteger(decodeLimitMiB) || decodeLimitMiB < 1) throw new UsageError(`--decode-limit-mib needs a whole number of MiB from 1, not ${v ?? 'nothing'}.`);
    } else if (a === '--out') {
      out = argv[++i];
      if (!out) throw new UsageError('--out needs a file name.');
    } else if (a === '--force') {
      force = true;
    } else if (a.startsWith('--')) {
      throw new UsageError(`Unknown option ${a}.`);
    } else {
      positionals.push(a);
    }
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'No FILE given.' : `One FILE only, got ${positionals.length}.`);
  if (!out) throw new UsageError('--out OUT.png is required.');
  if (allFrames && argv.includes('--frame')) throw new UsageError('--frame and --all-frames cannot be used together.');
  return { file: positionals[0], frame, allFrames, window, colourMap, range, equaliseBins, overlays, decodeLimitMiB, out, force };
}

/** The look the options ask for; equalisation breaks come from the frame's own values. */
function lookFor(args: RenderArgs, frame: StoredFrame, settings: FrameDisplaySettings): DisplayLook {
  let equalise: number[] | null = null;
  if (args.equaliseBins !== null) {
    const { min, max } = tableRange(frame);
    equalise = freqhistBreaks(storedValueCounts(frame.samples, min, max - min + 1), min, settings.modality, args.equaliseBins);
  }
  return { colourMap: args.colourMap, range: args.range, equalise };
}

export async function runRender(argv: string[], out: CliOutput): Promise<number> {
  let args: RenderArgs | 'help';
  try {
    args = parseRenderArgs(argv);
  } catch (error) {
    await write(out.stderr, `${(error as Error).message}\n\n${USAGE}`);
    return EXIT_UNUSABLE;
  }
  if (args === 'help') {
    await write(out.stdout, USAGE);
    return EXIT_OK;
  }
  const options = { overwrite: args.force, inputs: [args.file], overwriteHint: 'add --force to replace it' };
  let access: Awaited<ReturnType<typeof openFileAccess>> | undefined;
  try {
    // Refused before the work, not after it (each frame's file of --all-frames is checked as it is written).
    if (!args.allFrames) await checkOutputTarget(args.out, options);
    access = await openFileAccess(args.file);
  } catch (error) {
    const message = error instanceof OutputError ? error.message : fsMessage(`cannot read ${args.file}`, error);
    await write(out.stderr, `render: ${message}\n`);
    return EXIT_UNUSABLE;
  }
  try {
    const { file, source } = await openDicom(access);
    if (file.notDicom) {
      await write(out.stderr, `render: ${args.file} is not a DICOM file\n`);
      return EXIT_UNUSABLE;
    }
    const reader = await openPixelReader(file, source, { decodeLimitMiB: args.decodeLimitMiB });
    const count = reader.image.numberOfFrames;
    const index = args.frame - 1;
    if (index >= count) throw new Error(`frame ${args.frame} does not exist; the file has ${count} frame(s).`);
    const overlays = args.overlays ? overlayPlanes(file.dataSet, reader.image) : [];
    const indices = args.allFrames ? Array.from({ length: count }, (_, i) => i) : [index];
    for (const i of indices) {
      const frame = await reader.readFrame(i);
      const settings = await frameDisplaySettings(file, i, source);
      const choices = { window: args.window };
      const look = isGreyscale(frame) ? lookFor(args, frame, settings) : undefined;
      const image = look && !isPlainLook(look) ? renderWithLook(frame, settings, choices, look) : renderFrame(frame, settings, choices, reader.palette);
      if (overlays.length) burnOverlays(image.data, image.width, image.height, image.channels, await readOverlays(overlays, i, source, reader.image));
      await writeOutputFile(args.allFrames ? framePngName(args.out, i + 1, count) : args.out, encodePng(image), options);
      for (const warning of frame.warnings ?? []) {
        const frameName = args.allFrames ? `frame ${i + 1}: ` : '';
        await write(out.stderr, `warning [${warning.code}]${warning.offset === null ? '' : ` at ${offsetText(warning.offset)}`}: ${frameName}${warning.message}\n`);
      }
    }
    if (args.allFrames) await write(out.stdout, `Wrote ${count} frame(s) to ${framePngName(args.out, 1, count)} ... ${framePngName(args.out, count, count)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof OutputError || isSystemError(error)) {
      await write(out.stderr, `render: ${error instanceof OutputError ? error.message : fsMessage(`cannot read ${args.file}`, error)}\n`);
      return EXIT_UNUSABLE;
    }
    const code = error instanceof PixelDataError ? ` [${error.code}]` : '';
    await write(out.stderr, `Cannot render ${args.file}${code}: ${(error as Error).message}\n`);
    return EXIT_PROBLEMS;
  } finally {
    await access.close();
  }
}

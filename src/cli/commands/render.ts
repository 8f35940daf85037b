/**
 * `dicom-inspector render FILE [--frame N] [--window CENTER WIDTH] --out OUT.png`
 *
 * Renders one frame through the same pipeline as the viewer (src/core/display) and writes a
 * PNG: 8-bit grey for monochrome frames, RGB for colour ones.
 */
import { openDicom } from '../../core/parse/readDicom';
import { frameDisplaySettings } from '../../core/display/frameDisplaySettings';
import { renderFrame } from '../../core/display/renderFrame';
import { encodePng } from '../../core/png/encodePng';
import { openPixelReader } from '../../core/pixels/readFrame';
import { openFileAccess } from '../../node/fileAccess';
import { fsMessage, isSystemError } from '../../node/fsMessage';
import { checkOutputTarget, OutputError, writeOutputFile } from '../../node/outputFile';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';

const USAGE = `Usage: dicom-inspector render FILE [--frame N] [--window CENTER WIDTH] --out OUT.png [--force]

Renders one frame of a DICOM file to PNG through the viewer's display pipeline
(modality LUT, VOI window or LUT, MONOCHROME1 inversion, 8-bit output).

Options:
  --frame N               Frame to render, counting from 1 (default 1).
  --window CENTER WIDTH   Window center and width in modality units (e.g. HU); ignored for
                          colour images. Default: the file's first window, else its VOI LUT,
                          else the frame's min-max.
  --out OUT.png           Where to write the PNG (required). An existing file is not replaced
                          unless --force; the input or a read-only file never is.
  --force                 Replace an existing OUT.png.
  -h, --help              Show this help.

Exit status: 0 written, 1 the frame cannot be rendered (the reason on standard error), 2 bad
arguments, an unreadable or non-DICOM FILE, or an output that cannot or must not be written.
`;

interface RenderArgs {
  file: string;
  frame: number;
  window?: { center: number; width: number };
  out: string;
  force: boolean;
}

class UsageError extends Error {}

/** Hand-rolled because node:util parseArgs cannot take two values after one option (--window C W). */
function parseRenderArgs(argv: string[]): RenderArgs | 'help' {
  const positionals: string[] = [];
  let frame = 1;
  let window: RenderArgs['window'];
  let out: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--frame') {
      const v = argv[++i];
      frame = Number(v);
      if (v === undefined || !Number.isInteger(frame) || frame < 1) throw new UsageError(`--frame needs a whole number from 1, not ${v ?? 'nothing'}.`);
    } else if (a === '--window') {
      const c = argv[++i];
      const w = argv[++i];
      const center = Number(c);
      const width = Number(w);
      if (c === undefined || w === undefined || c.trim() === '' || w.trim() === '' || !Number.isFinite(center) || !Number.isFinite(width)) {
        throw new UsageError(`--window needs two numbers, CENTER and WIDTH (got ${c ?? 'nothing'} ${w ?? ''}).`);
      }
      window = { center, width };
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
  return { file: positionals[0], frame, window, out, force };
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
    // Refused before the work, not after it.
    await checkOutputTarget(args.out, options);
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
    const reader = await openPixelReader(file, source);
    const index = args.frame - 1;
    if (index >= reader.image.numberOfFrames) throw new Error(`frame ${args.frame} does not exist; the file has ${reader.image.numberOfFrames} frame(s).`);
    const frame = await reader.readFrame(index);
    const settings = await frameDisplaySettings(file, index, source);
    const image = renderFrame(frame, settings, { window: args.window }, reader.palette);
    await writeOutputFile(args.out, encodePng(image), options);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof OutputError || isSystemError(error)) {
      await write(out.stderr, `render: ${error instanceof OutputError ? error.message : fsMessage(`cannot read ${args.file}`, error)}\n`);
      return EXIT_UNUSABLE;
    }
    await write(out.stderr, `Cannot render ${args.file}: ${(error as Error).message}\n`);
    return EXIT_PROBLEMS;
  } finally {
    await access.close();
  }
}

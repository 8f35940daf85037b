/**
 * `dicom-inspector render FILE [--frame N] [--window CENTER WIDTH] --out OUT.png`
 *
 * Renders one frame through the same pipeline as the viewer (src/core/display) and writes a
 * PNG: 8-bit grey for monochrome frames, RGB for colour ones.
 */
import { writeFile } from 'node:fs/promises';
import { openDicom } from '../../core/parse/readDicom';
import { frameDisplaySettings } from '../../core/display/frameDisplaySettings';
import { renderFrame } from '../../core/display/renderFrame';
import { encodePng } from '../../core/png/encodePng';
import { openPixelReader } from '../../core/pixels/readFrame';
import { openFileAccess } from '../../node/fileAccess';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';

const USAGE = `Usage: dicom-inspector render FILE [--frame N] [--window CENTER WIDTH] --out OUT.png

Renders one frame of a DICOM file to PNG through the viewer's display pipeline
(modality LUT, VOI window or LUT, MONOCHROME1 inversion, 8-bit output).

Options:
  --frame N               Frame to render, counting from 1 (default 1).
  --window CENTER WIDTH   Window center and width in modality units (e.g. HU); ignored for
                          colour images. Default: the file's first window, else its VOI LUT,
                          else the frame's min-max.
  --out OUT.png           Where to write the PNG (required).
  -h, --help              Show this help.
`;

interface RenderArgs {
  file: string;
  frame: number;
  window?: { center: number; width: number };
  out: string;
}

class UsageError extends Error {}

/** Hand-rolled because node:util parseArgs cannot take two values after one option (--window C W). */
function parseRenderArgs(argv: string[]): RenderArgs | 'help' {
  const positionals: string[] = [];
  let frame = 1;
  let window: RenderArgs['window'];
  let out: string | undefined;
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
    } else if (a.startsWith('--')) {
      throw new UsageError(`Unknown option ${a}.`);
    } else {
      positionals.push(a);
    }
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'No FILE given.' : `One FILE only, got ${positionals.length}.`);
  if (!out) throw new UsageError('--out OUT.png is required.');
  return { file: positionals[0], frame, window, out };
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
  let access: Awaited<ReturnType<typeof openFileAccess>> | undefined;
  try {
    access = await openFileAccess(args.file);
    const { file, source } = await openDicom(access);
    if (file.notDicom) throw new Error('not a DICOM file.');
    const reader = await openPixelReader(file, source);
    const index = args.frame - 1;
    if (index >= reader.image.numberOfFrames) throw new Error(`frame ${args.frame} does not exist; the file has ${reader.image.numberOfFrames} frame(s).`);
    const frame = await reader.readFrame(index);
    const settings = await frameDisplaySettings(file, index, source);
    const image = renderFrame(frame, settings, { window: args.window }, reader.palette);
    await writeFile(args.out, encodePng(image));
    return EXIT_OK;
  } catch (error) {
    await write(out.stderr, `Cannot render ${args.file}: ${(error as Error).message}\n`);
    return EXIT_PROBLEMS;
  } finally {
    await access?.close();
  }
}

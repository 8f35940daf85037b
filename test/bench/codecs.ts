/**
 * Compressed-frame decoding benchmark (issue: compressed pixel data). Per 512×512 frame and per
 * transfer syntax, side by side in one run: our decoders (through the same frame reader the
 * viewer uses) and DCMTK's decompressors (dcmdjpeg, dcmdjpls, dcmdrle), or OpenJPEG's
 * opj_decompress for JPEG 2000 and HTJ2K, which DCMTK 3.6.7 cannot decode. A tool's time per
 * frame is (time for N frames − time for 1 frame) / (N − 1), so process start-up cancels out.
 * Source pixels: the two 512×512 16-bit frames of a public CT, repeated.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeCompressedFrame, type CompressedFrameInfo } from '../../src/core/codecs';
import { openDicom } from '../../src/core/parse/readDicom';
import { openPixelReader } from '../../src/core/pixels/readFrame';
import { openFileAccess } from '../../src/node/fileAccess';
import { writeDicom, type ElementSpec } from '../fixtures/writer';
import { table, type Row } from './benchSupport';

const FRAMES = Number(process.env.BENCH_CODEC_FRAMES ?? 32);
const SOURCE = resolve(__dirname, '../../../shared/corpus/dicomparser/encapsulated/multi-frame/CT0012.explicit_little_endian.dcm');

function ctElements(frames: number, pixelData: ElementSpec): ElementSpec[] {
  return [
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x00280002, vr: 'US', value: [1] },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280008, vr: 'IS', value: String(frames) },
    { tag: 0x00280010, vr: 'US', value: [512] },
    { tag: 0x00280011, vr: 'US', value: [512] },
    { tag: 0x00280100, vr: 'US', value: [16] },
    { tag: 0x00280101, vr: 'US', value: [16] },
    { tag: 0x00280102, vr: 'US', value: [15] },
    { tag: 0x00280103, vr: 'US', value: [0] },
    pixelData,
  ];
}

/** The CT's two frames as 16-bit little-endian bytes, and an uncompressed file of `frames` of them. */
async function sourceFrames(): Promise<Uint8Array[]> {
  const access = await openFileAccess(SOURCE);
  try {
    const { file, source } = await openDicom(access);
    const reader = await openPixelReader(file, source);
    const frames: Uint8Array[] = [];
    for (let i = 0; i < 2; i++) {
      const f = await reader.readFrame(i);
      frames.push(new Uint8Array(Uint16Array.from(f.samples).buffer));
    }
    return frames;
  } finally {
    await access.close();
  }
}

function uncompressed(frames: readonly Uint8Array[], count: number): Uint8Array {
  const pixels = new Uint8Array(512 * 512 * 2 * count);
  for (let i = 0; i < count; i++) pixels.set(frames[i % frames.length], i * 512 * 512 * 2);
  return writeDicom(ctElements(count, { tag: 0x7fe00010, vr: 'OW', value: pixels }), { transferSyntax: 'explicitLittle', sopClassUid: '1.2.840.10008.5.1.4.1.1.2' }).bytes;
}

function timeCommand(command: string, args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  return performance.now() - start;
}

/** Best of five, per frame, start-up cancelled: (t(N) − t(1)) / (N − 1). */
function toolPerFrame(run: (frames: number) => number): number {
  const best = (n: number) => Math.min(...Array.from({ length: 5 }, () => run(n)));
  return (best(FRAMES) - best(1)) / (FRAMES - 1);
}

/** Our reader on every frame of a file: first frame (codec load included) and mean of the rest. */
async function oursOnFile(file: string): Promise<{ first: number; perFrame: number }> {
  const access = await openFileAccess(file);
  try {
    const { file: parsed, source } = await openDicom(access);
    const reader = await openPixelReader(parsed, source);
    let start = performance.now();
    await reader.readFrame(0);
    const first = performance.now() - start;
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      start = performance.now();
      for (let i = 0; i < reader.image.numberOfFrames; i++) await reader.readFrame(i);
      best = Math.min(best, (performance.now() - start) / reader.image.numberOfFrames);
    }
    return { first, perFrame: best };
  } finally {
    await access.close();
  }
}

async function oursOnCodestreams(uid: string, streams: readonly Uint8Array[]): Promise<{ first: number; perFrame: number }> {
  const info: CompressedFrameInfo = { rows: 512, columns: 512, samplesPerPixel: 1, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 0, photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0 };
  let start = performance.now();
  await decodeCompressedFrame(uid, streams[0], info);
  const first = performance.now() - start;
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    start = performance.now();
    for (let i = 0; i < FRAMES; i++) await decodeCompressedFrame(uid, streams[i % streams.length], info);
    best = Math.min(best, (performance.now() - start) / FRAMES);
  }
  return { first, perFrame: best };
}

const ms = (v: number) => v.toFixed(1);

export async function benchCodecs(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-codecs-'));
  try {
    const frames = await sourceFrames();
    const files = new Map<number, string>();
    for (const n of [1, FRAMES]) {
      files.set(n, join(dir, `ct-${n}.dcm`));
      writeFileSync(files.get(n)!, uncompressed(frames, n));
    }
    const rows: Row[] = [];
    const dcmtkCases: readonly [string, string, readonly string[], string][] = [
      ['JPEG Baseline 8-bit (.50)', 'dcmcjpeg', ['+eb'], 'dcmdjpeg'],
      ['JPEG Extended 12-bit (.51)', 'dcmcjpeg', ['+ee'], 'dcmdjpeg'],
      ['JPEG Lossless SV1 (.70)', 'dcmcjpeg', ['+e1'], 'dcmdjpeg'],
      ['JPEG-LS Lossless (.80)', 'dcmcjpls', [], 'dcmdjpls'],
      ['JPEG-LS Near-lossless (.81)', 'dcmcjpls', ['+en'], 'dcmdjpls'],
      ['RLE Lossless (.5)', 'dcmcrle', [], 'dcmdrle'],
    ];
    for (const [label, encoder, args, decoder] of dcmtkCases) {
      const compressed = (n: number) => {
        const out = join(dir, `${encoder}${args.join('')}-${n}.dcm`);
        execFileSync(encoder, [...args, files.get(n)!, out]);
        return out;
      };
      const inputs = new Map([1, FRAMES].map((n) => [n, compressed(n)]));
      const ours = await oursOnFile(inputs.get(FRAMES)!);
      const tool = toolPerFrame((n) => timeCommand(decoder, [inputs.get(n)!, join(dir, 'out.dcm')]));
      rows.push([label, ms(ours.perFrame), ms(ours.first), decoder, ms(tool), (ours.perFrame / tool).toFixed(2)]);
    }
    rows.push(...(await j2kRows(dir, frames)));
    return [
      `${FRAMES} frames of 512×512, 16-bit CT (8-bit after DCMTK's baseline encoding); ms per frame, ours best of 3 passes, ` +
        `tools best of 5 runs; load average during the run ${loadavg()[0].toFixed(1)}. "First frame" includes loading the codec.`,
      '',
      table(['Transfer syntax', 'ours', 'ours, first frame (codec load)', 'reference', 'reference', 'ours / reference'], rows),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** JPEG 2000 (opj_compress) and HTJ2K (OpenJPH's encoder) against opj_decompress over a folder. */
async function j2kRows(dir: string, frames: readonly Uint8Array[]): Promise<Row[]> {
  if (spawnSync('opj_compress', ['-h'], { stdio: 'ignore' }).status === null) return [['JPEG 2000 / HTJ2K', 'skipped: apt-get install libopenjp2-tools', '', '', '', '']];
  const pgm = frames.map((f, i) => {
    const path = join(dir, `f${i}.pgm`);
    const big = Buffer.alloc(f.length);
    for (let k = 0; k < f.length; k += 2) big.writeUInt16BE(f[k] | (f[k + 1] << 8), k);
    writeFileSync(path, Buffer.concat([Buffer.from('P5\n512 512\n65535\n', 'latin1'), big]));
    return path;
  });
  const rows: Row[] = [];
  const cases: readonly [string, string, readonly string[]][] = [
    ['JPEG 2000 Lossless (.90)', '1.2.840.10008.1.2.4.90', []],
    ['JPEG 2000 lossy (.91)', '1.2.840.10008.1.2.4.91', ['-I', '-r', '10']],
  ];
  for (const [label, uid, args] of cases) {
    const streams = pgm.map((p, i) => {
      const out = join(dir, `f${i}-${uid}.j2k`);
      execFileSync('opj_compress', ['-i', p, '-o', out, ...args], { stdio: 'ignore' });
      return new Uint8Array(readFileSync(out));
    });
    const ours = await oursOnCodestreams(uid, streams);
    rows.push([label, ms(ours.perFrame), ms(ours.first), 'opj_decompress', ms(opjPerFrame(dir, streams)), '']);
  }
  const ht = await htj2kStreams(frames);
  const oursHt = await oursOnCodestreams('1.2.840.10008.1.2.4.201', ht);
  rows.push(['HTJ2K Lossless (.201)', ms(oursHt.perFrame), ms(oursHt.first), 'opj_decompress', ms(opjPerFrame(dir, ht)), '']);
  for (const row of rows) if (row[4] !== '') (row as string[])[5] = (Number(row[1]) / Number(row[4])).toFixed(2);
  return rows;
}

/** opj_decompress over a folder of N codestreams versus a folder of one. */
function opjPerFrame(dir: string, streams: readonly Uint8Array[]): number {
  const folders = new Map<number, string>();
  for (const n of [1, FRAMES]) {
    const folder = join(dir, `opj-${n}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(folder);
    for (let i = 0; i < n; i++) writeFileSync(join(folder, `${i}.j2k`), streams[i % streams.length]);
    folders.set(n, folder);
  }
  const out = join(dir, `opj-out-${Math.random().toString(36).slice(2)}`);
  mkdirSync(out);
  return toolPerFrame((n) => timeCommand('opj_decompress', ['-ImgDir', folders.get(n)!, '-OutFor', 'pgm', '-OutDir', out, '-quiet']));
}

interface HtEncoder {
  getDecodedBuffer(info: Record<string, unknown>): Uint8Array;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete(): void;
}

async function htj2kStreams(frames: readonly Uint8Array[]): Promise<Uint8Array[]> {
  const factory = (await import('@cornerstonejs/codec-openjph/wasmjs')).default as () => Promise<{ HTJ2KEncoder: new () => HtEncoder }>;
  const module = await factory();
  return frames.map((frame) => {
    const encoder = new module.HTJ2KEncoder();
    encoder.getDecodedBuffer({ width: 512, height: 512, bitsPerSample: 16, componentCount: 1, isSigned: false, isUsingColorTransform: false }).set(frame);
    encoder.encode();
    const out = encoder.getEncodedBuffer().slice();
    encoder.delete();
    return out;
  });
}

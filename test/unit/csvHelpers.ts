/** In-memory inputs for CSV export tests: hand-made files served through CsvExportIo. */
import type { DicomElement, DicomFile, Issue } from '../../src/core/model';
import { memoryFileAccess, type FileAccess } from '../../src/core/io';
import type { CsvExportIo, CsvFileEntry } from '../../src/core/csv/exportCsv';

export function dicomFile(dataSet: DicomElement[], issues: Issue[] = [], meta: DicomElement[] = []): DicomFile {
  return {
    size: 1000,
    preamble: { offset: 0, length: 128 },
    prefix: { offset: 128, length: 4 },
    dataSetOffset: 132,
    transferSyntax: null,
    deflated: false,
    meta,
    dataSet,
    issues,
    characterSet: [],
    stoppedBeforePixelData: true,
  };
}

/** 132 bytes with the DICM prefix: passes the sniff, parsed by the map below. */
export function part10Bytes(id: number): Uint8Array {
  const bytes = new Uint8Array(140);
  bytes.set([0x44, 0x49, 0x43, 0x4d], 128);
  bytes[0] = id;
  return bytes;
}

export interface MemoryIo extends CsvExportIo {
  readonly output: () => string;
  readonly openCount: () => number;
}

/**
 * Files are byte arrays; `readHeader` maps a file's first byte to a hand-made DicomFile
 * (or throws what the map holds), so row building is tested without the parser.
 */
export function memoryIo(
  files: ReadonlyArray<{ path: string; bytes: Uint8Array; explicit?: boolean }>,
  parsed: ReadonlyMap<number, DicomFile | Error>,
  options: { delayMs?: number } = {},
): MemoryIo {
  let text = '';
  let opens = 0;
  return {
    async *listFiles(): AsyncIterable<CsvFileEntry> {
      for (const f of files) yield { path: f.path, relativePath: f.path, explicit: f.explicit };
    },
    async open(path) {
      opens++;
      const file = files.find((f) => f.path === path);
      if (!file) throw new Error(`ENOENT: ${path}`);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      return { ...memoryFileAccess(file.bytes), close: async () => undefined };
    },
    async readHeader(access: FileAccess) {
      const first = (await access.read(0, 1))[0];
      const result = parsed.get(first);
      if (result === undefined) throw new Error('no such test file');
      if (result instanceof Error) throw result;
      return result;
    },
    write(chunk) {
      text += chunk;
    },
    output: () => text,
    openCount: () => opens,
  };
}

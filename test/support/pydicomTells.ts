/**
 * pydicom's position of the value of every top-level element (`value_tell`, or `file_tell` for
 * the sequences it reads at once, which is also their first value byte), meta group first, as
 * "gggggggg@offset" rows: an independent reader's answer to "where does each value start".
 */
import { spawnSync } from 'node:child_process';

const PYDICOM_TELLS = `
import sys, json
from pydicom.filereader import read_preamble, data_element_generator
def rows(fp, implicit, little, stop=None):
    out = []
    for raw in data_element_generator(fp, implicit, little, stop_when=stop, defer_size=1):
        tell = getattr(raw, 'value_tell', None)
        out.append('%08x@%d' % (int(raw.tag), tell if tell is not None else raw.file_tell))
    return out
result = {}
for path, uid in json.load(sys.stdin):
    with open(path, 'rb') as fp:
        read_preamble(fp, False)
        out = rows(fp, False, True, lambda tag, vr, length: tag.group != 2)
        out += rows(fp, uid == '1.2.840.10008.1.2', uid != '1.2.840.10008.1.2.2')
    result[path] = out
print(json.dumps(result))
`;

function python(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(candidate, ['-c', 'import pydicom'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('pydicom is needed for this test: apt-get install python3-pydicom');
}

/** Rows by file path, for files given with their transfer syntax UID (not deflated ones). */
export function pydicomTopLevelTells(files: readonly (readonly [path: string, transferSyntaxUid: string])[]): Record<string, string[]> {
  const result = spawnSync(python(), ['-c', PYDICOM_TELLS], { input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`pydicom failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string[]>;
}

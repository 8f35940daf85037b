/**
 * A typical CT instance for benchmarks: about 110 attributes as scanners write them (patient,
 * study, series, acquisition, image plane, pixel module, a referenced-image sequence, a private
 * block) and 512×512 16-bit pixels. Pixel bytes can be left to a sparse file (see writeSparse)
 * so that thousands of instances or a 2 GB multi-frame cost no disk.
 */
import { writeDicom, type ElementSpec } from '../fixtures/writer';

const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

export interface InstanceIds {
  readonly patient: number;
  readonly study: number;
  readonly series: number;
  readonly instance: number;
}

function text(tag: number, vr: string, value: string): ElementSpec {
  return { tag, vr, value };
}

export function ctElements(ids: InstanceIds, frames = 1): ElementSpec[] {
  const root = '1.2.826.0.1.3680043.10.1104.9';
  const studyUid = `${root}.${ids.patient}.${ids.study}`;
  const seriesUid = `${studyUid}.${ids.series}`;
  const sopUid = `${seriesUid}.${ids.instance}`;
  const position = (-200 + ids.instance * 1.25).toFixed(2);
  return [
    text(0x00080005, 'CS', 'ISO_IR 100'),
    text(0x00080008, 'CS', 'ORIGINAL\\PRIMARY\\AXIAL'),
    text(0x00080012, 'DA', '20240501'), text(0x00080013, 'TM', '101500'),
    text(0x00080016, 'UI', CT_IMAGE_STORAGE), text(0x00080018, 'UI', sopUid),
    text(0x00080020, 'DA', '20240501'), text(0x00080021, 'DA', '20240501'), text(0x00080022, 'DA', '20240501'), text(0x00080023, 'DA', '20240501'),
    text(0x00080030, 'TM', '100000'), text(0x00080031, 'TM', '100500'), text(0x00080032, 'TM', '100510'), text(0x00080033, 'TM', '100511'),
    text(0x00080050, 'SH', `ACC${ids.patient}${ids.study}`), text(0x00080060, 'CS', 'CT'), text(0x00080070, 'LO', 'Example Scanners'),
    text(0x00080080, 'LO', 'General Hospital'), text(0x00080081, 'ST', '1 Hospital Road\\Springfield'), text(0x00080090, 'PN', 'Referring^Doctor'),
    text(0x00081010, 'SH', 'CT01'), text(0x00081030, 'LO', 'CT CHEST ABDOMEN PELVIS'), text(0x0008103e, 'LO', `AXIAL ${ids.series}`),
    text(0x00081040, 'LO', 'Radiology'), text(0x00081050, 'PN', 'Performing^Doctor'), text(0x00081070, 'PN', 'Operator^One'),
    text(0x00081090, 'LO', 'Model 64'),
    { tag: 0x00081140, vr: 'SQ', items: [1, 2].map((n) => ({ elements: [
      text(0x00081150, 'UI', CT_IMAGE_STORAGE), text(0x00081155, 'UI', `${seriesUid}.${1000 + n}`),
    ] })) },
    text(0x00100010, 'PN', `Patient${ids.patient}^Test`), text(0x00100020, 'LO', `PID${String(ids.patient).padStart(6, '0')}`),
    text(0x00100030, 'DA', '19600101'), text(0x00100040, 'CS', 'O'), text(0x00101010, 'AS', '064Y'),
    text(0x00101020, 'DS', '1.75'), text(0x00101030, 'DS', '72'),
    text(0x00180015, 'CS', 'CHEST'), text(0x00180022, 'CS', 'HELICAL MODE'), text(0x00180050, 'DS', '1.25'),
    text(0x00180060, 'DS', '120'), text(0x00180088, 'DS', '1.25'), text(0x00180090, 'DS', '500'),
    text(0x00181000, 'LO', 'SN12345'), text(0x00181020, 'LO', 'v1.2.3'), text(0x00181030, 'LO', 'CAP Routine'),
    text(0x00181100, 'DS', '380'), text(0x00181110, 'DS', '949.075012'), text(0x00181111, 'DS', '541'),
    text(0x00181120, 'DS', '0'), text(0x00181130, 'DS', '150'), text(0x00181140, 'CS', 'CW'),
    text(0x00181150, 'IS', '500'), text(0x00181151, 'IS', '350'), text(0x00181152, 'IS', '175'),
    text(0x00181160, 'SH', 'BODY FILTER'), text(0x00181170, 'IS', '42'), text(0x00181190, 'DS', '1.2'),
    text(0x00181210, 'SH', 'STANDARD'), text(0x00185100, 'CS', 'FFS'),
    { tag: 0x00189345, vr: 'FD', value: [12.5] },
    text(0x0020000d, 'UI', studyUid), text(0x0020000e, 'UI', seriesUid),
    text(0x00200010, 'SH', String(ids.study)), text(0x00200011, 'IS', String(ids.series)), text(0x00200012, 'IS', '1'),
    text(0x00200013, 'IS', String(ids.instance)),
    text(0x00200032, 'DS', `-250\\-250\\${position}`), text(0x00200037, 'DS', '1\\0\\0\\0\\1\\0'),
    text(0x00200052, 'UI', `${studyUid}.77`), text(0x00201040, 'LO', ''), text(0x00201041, 'DS', position),
    { tag: 0x00280002, vr: 'US', value: [1] }, text(0x00280004, 'CS', 'MONOCHROME2'),
    ...(frames > 1 ? [text(0x00280008, 'IS', String(frames))] : []),
    { tag: 0x00280010, vr: 'US', value: [512] }, { tag: 0x00280011, vr: 'US', value: [512] },
    text(0x00280030, 'DS', '0.976562\\0.976562'),
    { tag: 0x00280100, vr: 'US', value: [16] }, { tag: 0x00280101, vr: 'US', value: [12] },
    { tag: 0x00280102, vr: 'US', value: [11] }, { tag: 0x00280103, vr: 'US', value: [0] },
    text(0x00281050, 'DS', '40\\400'), text(0x00281051, 'DS', '400\\1500'),
    text(0x00281052, 'DS', '-1024'), text(0x00281053, 'DS', '1'), text(0x00281054, 'LO', 'HU'),
    text(0x00290010, 'LO', 'EXAMPLE PRIVATE'),
    { tag: 0x00291010, vr: 'OB', value: new Uint8Array(64) },
    text(0x00321060, 'LO', 'CT CHEST ABDOMEN PELVIS'),
    text(0x00400244, 'DA', '20240501'), text(0x00400245, 'TM', '100000'), text(0x00400253, 'SH', `PPS${ids.study}`),
    text(0x00400254, 'LO', 'CT CHEST ABDOMEN PELVIS'),
  ];
}

export interface SparseLayout {
  /** The header, up to and including the Pixel Data element's header. */
  readonly header: Uint8Array;
  /** Size of the whole file once the pixel data (zeros) is added. */
  readonly fileSize: number;
}

/**
 * The bytes of a CT instance whose pixel data is all zeros, split so that a writer can put the
 * header and extend the file sparsely: `header` followed by `fileSize - header.length` zeros.
 */
export function ctInstance(ids: InstanceIds, frames = 1): SparseLayout {
  const pixelBytes = 512 * 512 * 2 * frames;
  const pixelHeaderOnly: ElementSpec = { tag: 0x7fe00010, vr: 'OW', value: new Uint8Array(0), declaredLength: pixelBytes };
  const written = writeDicom([...ctElements(ids, frames), pixelHeaderOnly], { transferSyntax: 'explicitLittle', sopClassUid: CT_IMAGE_STORAGE });
  return { header: written.bytes, fileSize: written.bytes.length + pixelBytes };
}

/**
 * Each validation rule, by its code, on a fixture from the project's writer that breaks exactly
 * that rule: the issue is there, about the right element, at the writer's offset, with a path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFile } from '../../src/core/checks';
import { vmAllows } from '../../src/core/checks/dictionaryRules';
import { applicableModules } from '../../src/core/checks/iod/iodRules';
import type { DicomElement } from '../../src/core/model';
import { FORMAT_RULES } from '../../src/core/checks/vrFormats';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { conformingCtImage, ruleFixtures } from '../fixtures/catalog/validation';
import { writeDicom } from '../fixtures/writer';
import { CT_IMAGE_STORAGE } from '../fixtures/catalog/common';

test('a conforming CT Image has no issue and is checked against the CT Image IOD', () => {
  const written = writeDicom(conformingCtImage(), { transferSyntax: 'explicitLittle', sopClassUid: CT_IMAGE_STORAGE, sopInstanceUid: '1.2.826.0.1.3680043.10.1104.9.1' });
  const report = validateFile(parseDicomBytes(written.bytes));
  assert.deepEqual(report.issues.map((issue) => issue.message), []);
  assert.equal(report.sopClassUid, CT_IMAGE_STORAGE);
  assert.equal(report.iod?.name, 'CT Image');
  assert.ok(report.iod?.modules.some((module) => module.id === 'ct-image' && module.usage === 'M'));
});

for (const fixture of ruleFixtures) {
  test(`rule ${fixture.code}: ${fixture.name}`, () => {
    const written = fixture.build();
    const issues = validateFile(parseDicomBytes(written.bytes)).issues;
    const issue = issues.find((candidate) => candidate.code === fixture.code && candidate.tag === fixture.tag);
    assert.ok(issue, `no ${fixture.code} about ${fixture.tag} in ${JSON.stringify(issues.map((i) => `${i.code} ${i.tag}`))}`);
    assert.equal(issue.offset, fixture.offsetOf(written.layout));
    assert.ok(issue.path?.endsWith(fixture.tag), `path ${issue.path} names ${fixture.tag}`);
    assert.match(issue.message, /0x[0-9A-F]{4}/, 'the message names the offset');
  });
}

test('an attribute missing from an item is reported with the item path and the item offset', () => {
  const fixture = ruleFixtures.find((f) => f.name === 'type1-missing-in-item')!;
  const written = fixture.build();
  const issue = validateFile(parseDicomBytes(written.bytes)).issues.find((i) => i.code === 'type1-missing' && i.tag === '00081155');
  assert.equal(issue?.path, '00081140[0].00081155');
  assert.equal(issue?.keyword, 'ReferencedSOPInstanceUID');
  const item = written.layout.dataSet.find((e) => e.tag === '00081140')!.items![0];
  assert.equal(issue?.end, item.end);
});

test('value formats: what each VR allows and refuses', () => {
  const cases: Record<string, { valid: string[]; invalid: string[] }> = {
    DA: { valid: ['20240229', '19000101'], invalid: ['2024-01-01', '20230229', '20241301', '2024010'] },
    TM: { valid: ['23', '2359', '235960', '101500.123456'], invalid: ['24', '10:15:00', '1261', '101500.1234567'] },
    DT: { valid: ['2024', '202401311015', '20240131101500.5+0100'], invalid: ['20241399', '2024013110156'] },
    IS: { valid: ['0', '-12', '+7', '2147483647'], invalid: ['1A', '1.0', '2147483648'] },
    DS: { valid: ['1.5', '-0.5e-3', '.5', '12.'], invalid: ['1,5', 'NaN', 'e5', '1.2.3'] },
    UI: { valid: ['1.2.840.10008.1.2', '0.1'], invalid: ['1.02', '1..2', '1.2.', 'a.1'] },
    CS: { valid: ['ORIGINAL', 'HFS', 'ISO_IR 100'], invalid: ['hfs', 'ISO-IR 100'] },
    AS: { valid: ['042Y', '001D'], invalid: ['42Y', '042y', '0042Y'] },
    PN: { valid: ['Doe^John', 'A=B=C'], invalid: ['A=B=C=D', 'a^b^c^d^e^f'] },
    AE: { valid: ['STORE_SCP'], invalid: ['A\u0001B'] },
    LO: { valid: ['anything at all'], invalid: ['line\nbreak'] },
    LT: { valid: ['line\r\nbreak\ttab'], invalid: ['bell\u0007'] },
  };
  for (const [vr, { valid, invalid }] of Object.entries(cases)) {
    for (const value of valid) assert.equal(FORMAT_RULES[vr](value), undefined, `${vr} ${JSON.stringify(value)} is valid`);
    for (const value of invalid) assert.notEqual(FORMAT_RULES[vr](value), undefined, `${vr} ${JSON.stringify(value)} is invalid`);
  }
});

test('VM forms of the dictionary', () => {
  assert.ok(vmAllows('1', 1) && !vmAllows('1', 2));
  assert.ok(vmAllows('1-n', 5) && !vmAllows('1-n', 0));
  assert.ok(vmAllows('2-2n', 4) && !vmAllows('2-2n', 3));
  assert.ok(vmAllows('3-3n', 6) && !vmAllows('3-3n', 4));
  assert.ok(vmAllows('1-3', 3) && !vmAllows('1-3', 4));
  assert.ok(vmAllows('6', 6) && !vmAllows('6', 2));
});

test('a conditional module applies when the condition the tables carry is met, or when its attributes are there', () => {
  const element = (tag: string, value: string, vr = 'CS'): DicomElement => ({
    tag, group: parseInt(tag.slice(0, 4), 16), element: parseInt(tag.slice(4), 16), keyword: null, name: null, vr, explicitVr: true,
    vm: 1, offset: 0, valueOffset: 8, length: value.length, end: 8 + value.length, value,
  });
  const modulesOf = (...elements: DicomElement[]) =>
    applicableModules('enhanced-ct-image', new Map(elements.map((e) => [e.tag, e])))!.modules.map((m) => m.id);
  assert.ok(modulesOf(element('00089205', 'COLOR')).includes('supplemental-palette-color-lookup-table'));
  assert.ok(!modulesOf(element('00089205', 'MONOCHROME')).includes('supplemental-palette-color-lookup-table'));
  assert.ok(modulesOf(element('00281201', '', 'OW')).includes('supplemental-palette-color-lookup-table'), 'Type 1 palette data is evidence');
  assert.ok(!modulesOf().includes('synchronization'));
  assert.ok(modulesOf(element('00181800', 'Y')).includes('synchronization'), 'Acquisition Time Synchronized belongs to no mandatory module');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEditorHostMessage, parseEditorWebviewMessage, parseHostMessage, parseWebviewMessage } from '../../src/shared/protocol';
import { visibleRowIds } from '../../webview/editor/headerTable';
import type { HeaderRow } from '../../src/shared/protocol';

test('messages from the webview are accepted only in their exact shapes', () => {
  assert.deepEqual(parseEditorWebviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseEditorWebviewMessage({ type: 'revealRow', id: 'ds/e3/i0/e1', extra: 'dropped' }), { type: 'revealRow', id: 'ds/e3/i0/e1' });
  assert.deepEqual(parseEditorWebviewMessage({ type: 'revealOffset', offset: 420 }), { type: 'revealOffset', offset: 420 });
  assert.deepEqual(parseEditorWebviewMessage({ type: 'openInstance', sopInstanceUid: '1.2.826.0.1.9.1' }), { type: 'openInstance', sopInstanceUid: '1.2.826.0.1.9.1' });
  assert.deepEqual(parseEditorWebviewMessage({ type: 'openReportText', path: '/etc' }), { type: 'openReportText' });
  for (const bad of [null, 'ready', 42, {}, { type: 'revealRow' }, { type: 'revealRow', id: '' }, { type: 'revealRow', id: 'x'.repeat(600) },
    { type: 'revealOffset', offset: -1 }, { type: 'revealOffset', offset: 1.5 }, { type: 'revealOffset', offset: '420' },
    { type: 'revealOffset', offset: Number.MAX_SAFE_INTEGER + 2 }, { type: 'runScript', code: 'x' },
    { type: 'openInstance' }, { type: 'openInstance', sopInstanceUid: '' }, { type: 'openInstance', sopInstanceUid: '../../etc/passwd' },
    { type: 'openInstance', sopInstanceUid: '1.'.repeat(40) }]) {
    assert.equal(parseEditorWebviewMessage(bad), null, JSON.stringify(bad));
  }
});

test('messages from the host are checked by the page too', () => {
  assert.equal(parseEditorHostMessage({ type: 'selectElement', id: 'prefix', offset: 128, valueOffset: 128, end: 132 })?.type, 'selectElement');
  assert.equal(parseEditorHostMessage({ type: 'selectElement', id: 'prefix', offset: -5, valueOffset: 128, end: 132 }), null);
  assert.equal(parseEditorHostMessage({ type: 'document', document: null }), null);
  assert.equal(parseHostMessage({ type: 'viewer/frame' })?.type, 'viewer/frame');
  assert.equal(parseHostMessage({ kind: 'viewer/frame' }), null);
  assert.equal(parseHostMessage({ type: 'viewer/unknown' }), null);
});

test('one validator takes the editor\'s and the viewer\'s messages from the webview, and nothing else', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'revealOffset', offset: 3 }), { type: 'revealOffset', offset: 3 });
  assert.deepEqual(parseWebviewMessage({ type: 'viewer/getFrame', frame: 2, extra: 1 }), { type: 'viewer/getFrame', frame: 2 });
  assert.equal(parseWebviewMessage({ type: 'viewer/getFrame', frame: -2 }), null);
  assert.equal(parseWebviewMessage({ type: 'viewer/image', info: null, error: null }), null);
});

function row(id: string, tag: string, keyword: string, value = ''): HeaderRow {
  return { id, depth: id.split('/').length - 2, tag, keyword, vr: 'LO', length: '0', offset: 0, value };
}

test('header search keeps the rows enclosing a match', () => {
  const rows = [
    row('ds/e0', '(0008,0016)', 'SOPClassUID', '1.2.3'),
    row('ds/e1', '(0008,1115)', 'ReferencedSeriesSequence'),
    row('ds/e1/i0', '(FFFE,E000)', 'Item 0'),
    row('ds/e1/i0/e0', '(0020,000E)', 'SeriesInstanceUID', '9.8.7'),
    row('ds/e2', '(0010,0010)', 'PatientName', 'Doe^Jane'),
  ];
  assert.equal(visibleRowIds(rows, '  '), null);
  assert.deepEqual([...visibleRowIds(rows, '9.8.7')!].sort(), ['ds/e1', 'ds/e1/i0', 'ds/e1/i0/e0']);
  assert.deepEqual([...visibleRowIds(rows, '0010,0010')!], ['ds/e2']);
  assert.deepEqual([...visibleRowIds(rows, '00100010')!], ['ds/e2']);
  assert.deepEqual([...visibleRowIds(rows, 'patientname')!], ['ds/e2']);
});

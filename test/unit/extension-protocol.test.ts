import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEditorHostMessage, parseEditorWebviewMessage, parseHostMessage, parseWebviewMessage } from '../../src/shared/protocol';

test('messages from the webview are accepted only in their exact shapes', () => {
  assert.deepEqual(parseEditorWebviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseEditorWebviewMessage({ type: 'revealOffset', offset: 420 }), { type: 'revealOffset', offset: 420 });
  assert.deepEqual(parseEditorWebviewMessage({ type: 'openInstance', sopInstanceUid: '1.2.826.0.1.9.1' }), { type: 'openInstance', sopInstanceUid: '1.2.826.0.1.9.1' });
  assert.deepEqual(parseEditorWebviewMessage({ type: 'openReportText', path: '/etc' }), { type: 'openReportText' });
  for (const bad of [null, 'ready', 42, {}, { type: 'revealRow', id: 'ds/e1' },
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
  assert.deepEqual(parseEditorHostMessage({ type: 'selectElement', id: 'ds/e1', offset: 1, valueOffset: 2, end: 3, fromList: true }), { type: 'selectElement', id: 'ds/e1', offset: 1, valueOffset: 2, end: 3, pages: [], fromList: true });
  assert.ok(!('fromList' in (parseEditorHostMessage({ type: 'selectElement', id: 'ds/e1', offset: 1, valueOffset: 2, end: 3, fromList: 'yes' }) ?? {})));
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

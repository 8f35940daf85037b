/**
 * The editor layout kept per workspace: the page's `layout` message is taken only in its exact
 * shape, and the workspace memory keeps the user's last choices (one change at a time, on top of
 * the earlier ones) and ignores anything stored that is not a layout.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Memento } from 'vscode';
import { LayoutMemory } from '../../src/extension/editor/layoutMemory';
import { parseEditorHostMessage, parseEditorWebviewMessage, parseLayout } from '../../src/shared/protocol';

/** A workspace state as VS Code keeps it: values go through JSON. */
function memento(initial: Record<string, unknown> = {}): Memento {
  const values = new Map(Object.entries(initial));
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (JSON.parse(JSON.stringify(values.get(key))) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, JSON.parse(JSON.stringify(value))),
  } as Memento;
}

test('layout messages: known fields of the right type only', () => {
  assert.deepEqual(parseEditorWebviewMessage({ type: 'layout', layout: { bytesShown: false } }), { type: 'layout', layout: { bytesShown: false } });
  assert.deepEqual(parseEditorWebviewMessage({ type: 'layout', layout: { tab: 'elements', extra: 1 } }), { type: 'layout', layout: { tab: 'elements' } });
  for (const bad of [{ type: 'layout' }, { type: 'layout', layout: null }, { type: 'layout', layout: { bytesShown: 'yes' } }, { type: 'layout', layout: { tab: '' } }, { type: 'layout', layout: { tab: 'x'.repeat(100) } }]) {
    assert.equal(parseEditorWebviewMessage(bad), null, JSON.stringify(bad));
  }
  assert.deepEqual(parseLayout({}), {});
  // The page drops a stored layout it cannot read, and keeps the document.
  const view = { fileName: 'a.dcm' };
  assert.deepEqual(parseEditorHostMessage({ type: 'document', document: view, layout: { bytesShown: true } }), { type: 'document', document: view, layout: { bytesShown: true } });
  assert.deepEqual(parseEditorHostMessage({ type: 'document', document: view, layout: { bytesShown: 3 } }), { type: 'document', document: view });
});

test('layout memory: the last choice of each kind is kept for the workspace', async () => {
  const state = memento();
  const memory = new LayoutMemory(state);
  assert.deepEqual(memory.layout, {});
  await memory.remember({ bytesShown: true });
  await memory.remember({ tab: 'elements' });
  await memory.remember({ bytesShown: false });
  assert.deepEqual(new LayoutMemory(state).layout, { bytesShown: false, tab: 'elements' });
});

test('layout memory: a stored value that is not a layout gives the defaults', () => {
  assert.deepEqual(new LayoutMemory(memento({ 'dicomInspector.editorLayout': 'split' })).layout, {});
  assert.deepEqual(new LayoutMemory(memento({ 'dicomInspector.editorLayout': { bytesShown: 'no' } })).layout, {});
});

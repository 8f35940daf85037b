import type { FrameDisplaySettings } from '../core/display/frameDisplaySettings';
import type { LookupTable } from '../core/pixels/lutData';
import type { SampleArray } from '../core/pixels/storedFrame';
import type { DisplaySettingsView, LutView, SampleType } from './viewerProtocol';

/**
 * Display settings and samples in the shape the viewer protocol carries (plain numbers and
 * ArrayBuffers survive the webview's message serialisation; typed arrays inside objects may not).
 */
function lutToView(lut: LookupTable): LutView {
  return { firstMapped: lut.firstMapped, bits: lut.bits, entries: Array.from(lut.entries), explanation: lut.explanation };
}

function lutFromView(view: LutView): LookupTable {
  return { firstMapped: view.firstMapped, bits: view.bits, entries: Uint16Array.from(view.entries), explanation: view.explanation };
}

export function settingsToView(s: FrameDisplaySettings): DisplaySettingsView {
  const modality = s.modality.kind === 'rescale' ? { ...s.modality } : { kind: 'lut' as const, lut: lutToView(s.modality.lut), unit: s.modality.unit };
  return { modality, windows: s.windows.map((w) => ({ ...w })), voiFunction: s.voiFunction, voiLuts: s.voiLuts.map(lutToView), modalityName: s.modalityName, pixelSpacing: s.pixelSpacing ? { ...s.pixelSpacing } : null, ...(s.padding ? { padding: { ...s.padding } } : {}) };
}

export function settingsFromView(v: DisplaySettingsView): FrameDisplaySettings {
  const modality = v.modality.kind === 'rescale' ? { ...v.modality } : { kind: 'lut' as const, lut: lutFromView(v.modality.lut), unit: v.modality.unit };
  return { modality, windows: v.windows, voiFunction: v.voiFunction, voiLuts: v.voiLuts.map(lutFromView), modalityName: v.modalityName, pixelSpacing: v.pixelSpacing ?? null, ...(v.padding ? { padding: { ...v.padding } } : {}) };
}

export function sampleTypeOf(samples: SampleArray): SampleType {
  if (samples instanceof Uint8Array) return 'Uint8';
  if (samples instanceof Int8Array) return 'Int8';
  if (samples instanceof Uint16Array) return 'Uint16';
  if (samples instanceof Int16Array) return 'Int16';
  if (samples instanceof Uint32Array) return 'Uint32';
  return 'Int32';
}

/** The samples' own bytes as a standalone ArrayBuffer (copied only when they are a view into a larger one). */
export function samplesToBuffer(samples: SampleArray): ArrayBuffer {
  const whole = samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength && samples.buffer instanceof ArrayBuffer;
  return whole ? (samples.buffer as ArrayBuffer) : (samples.slice().buffer as ArrayBuffer);
}

export function samplesFromBuffer(type: SampleType, buffer: ArrayBuffer): SampleArray {
  switch (type) {
    case 'Uint8': return new Uint8Array(buffer);
    case 'Int8': return new Int8Array(buffer);
    case 'Uint16': return new Uint16Array(buffer);
    case 'Int16': return new Int16Array(buffer);
    case 'Uint32': return new Uint32Array(buffer);
    case 'Int32': return new Int32Array(buffer);
  }
}

/**
 * What a series stack page adds to the editor's protocol: the stack's frames, each named by
 * the instance (file) it comes from, sent in the page's DocumentView; and the one message the
 * page sends back, to open the instance of a frame in its own editor. Free of `vscode` and DOM
 * types: imported by both sides.
 */

/** One frame of the stack and the instance it comes from. */
export interface StackFrameView {
  /** Index of the instance in stepping order (0-based). */
  readonly instance: number;
  /** The file's name, as the Explorer shows it. */
  readonly fileName: string;
  /** Frame within the instance (0-based), and how many it has. */
  readonly frame: number;
  readonly frames: number;
  /** Instance Number as written, or '' when absent. */
  readonly instanceNumber: string;
  /** Position along the slice normal in mm, when the stack is ordered by position. */
  readonly along: number | null;
}

export interface StackView {
  /** How the instances are ordered, in words ("by Image Position (Patient) along the normal (0, 0.34, 0.94)"). */
  readonly ordering: string;
  readonly instances: number;
  readonly frames: readonly StackFrameView[];
}

// ---------- webview -> host ----------

/** Open the instance that frame `frame` of the stack comes from, in the DICOM editor. */
export interface OpenStackInstanceMessage {
  readonly type: 'stack/openInstance';
  readonly frame: number;
}

export type StackToHostMessage = OpenStackInstanceMessage;

export function parseStackMessage(raw: unknown): StackToHostMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (m.type === 'stack/openInstance' && typeof m.frame === 'number' && Number.isSafeInteger(m.frame) && m.frame >= 0) return { type: 'stack/openInstance', frame: m.frame };
  return null;
}

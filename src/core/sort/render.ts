/**
 * Turns one file's attribute values into its relative target path under a sort pattern.
 */
import type { Placeholder, SortPattern } from './pattern';
import { cleanValue, EMPTY_COMPONENT, safeComponent } from './safeName';

/**
 * The text of an attribute (canonical selector text as in `SortPattern.attributes`), or null
 * when the file does not have it. Values are used as given; empty or blank means missing.
 */
export type AttributeValues = (selectorText: string) => string | null;

export interface RenderOptions {
  /** Clean values as the pydicom script does (see `cleanValue`). Default true. */
  readonly clean?: boolean;
  readonly maxComponentBytes?: number;
}

function padValue(text: string, width: number): string {
  const m = /^([+-]?)(\d+)$/.exec(text);
  if (m) return m[1] + m[2].padStart(width - m[1].length, '0');
  return text.padStart(width, '0');
}

function placeholderText(placeholder: Placeholder, values: AttributeValues): string {
  let text: string | null = null;
  for (const term of placeholder.terms) {
    const candidate = term.kind === 'literal' ? term.text : values(term.selector.text);
    // DICOM pads strings with spaces (and UIDs with NUL); those never carry meaning.
    const trimmed = candidate?.replace(/^[\s\0]+|[\s\0]+$/g, '') ?? '';
    if (trimmed !== '') {
      text = trimmed;
      break;
    }
  }
  text ??= EMPTY_COMPONENT;
  return placeholder.pad === null ? text : padValue(text, placeholder.pad);
}

/**
 * The relative target as safe components. Placeholder values are cleaned (when asked) one by
 * one, so the pattern's own literals such as `.dcm` keep their dots; the assembled component
 * then goes through `safeComponent`, which is what makes hostile values harmless.
 */
export function renderTarget(pattern: SortPattern, values: AttributeValues, options: RenderOptions = {}): string[] {
  const clean = options.clean ?? true;
  const last = pattern.components.length - 1;
  return pattern.components.map((parts, index) => {
    let text = '';
    for (const part of parts) {
      if (part.type === 'literal') text += part.text;
      else {
        const value = placeholderText(part, values);
        text += clean ? cleanValue(value) : value;
      }
    }
    return safeComponent(text, { maxBytes: options.maxComponentBytes, isFileName: index === last });
  });
}

/**
 * Lines of a text dump ↔ byte offsets, for linking the dump with the tree and the Bytes pane:
 * a line names the offset its element, item or fragment starts at (textDumpWithOffsets), and a node
 * is shown by the line that starts where it starts. Pure: the extension and tests share it.
 */

/** The offset line `line` is about, or null for a comment line (or no such line). */
export function offsetOfLine(offsets: readonly (number | null)[], line: number): number | null {
  return offsets[line] ?? null;
}

/**
 * The line showing the node that starts at `offset`: the first line at exactly that offset,
 * else the last line before it in file order (a node the dump has no line of, such as the
 * data set's group, lies inside or after it). Null when no line has an offset at or before it.
 */
export function lineOfOffset(offsets: readonly (number | null)[], offset: number): number | null {
  let before: number | null = null;
  let beforeOffset = -1;
  for (let line = 0; line < offsets.length; line++) {
    const at = offsets[line];
    if (at === null) continue;
    if (at === offset) return line;
    if (at < offset && at > beforeOffset) {
      before = line;
      beforeOffset = at;
    }
  }
  return before;
}

/** One buffer from the fragments of a frame (no copy when there is only one). */
export function joinFragments(fragments: readonly Uint8Array[]): Uint8Array {
  if (fragments.length === 1) return fragments[0];
  const out = new Uint8Array(fragments.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of fragments) {
    out.set(f, at);
    at += f.length;
  }
  return out;
}

/**
 * Where the Bytes pane's scrollbar stands for a given first row, and back. A 2 GiB file has
 * 134 million rows of 16 bytes: far taller than any element a browser lays out (about 33
 * million pixels in Chromium), so the scrollbar's track is capped and maps linearly onto the
 * rows; the wheel and the keys move the first row itself, row by row.
 */

/** Tallest scroll track used; well under Chromium's limit of 2^25 pixels. */
export const MAX_TRACK_PX = 8_000_000;

export interface ScrollGeometry {
  readonly totalRows: number;
  readonly rowHeight: number;
  readonly viewportHeight: number;
}

/** Rows that fit the viewport wholly. */
export function visibleRows(geometry: ScrollGeometry): number {
  return Math.max(1, Math.floor(geometry.viewportHeight / geometry.rowHeight));
}

/** The last row that can be the first on screen (the end of the file fills the last line). */
export function maxTopRow(geometry: ScrollGeometry): number {
  return Math.max(0, geometry.totalRows - visibleRows(geometry));
}

/** Height of the scroll track's content. */
export function trackHeight(geometry: ScrollGeometry): number {
  return Math.min(geometry.totalRows * geometry.rowHeight, MAX_TRACK_PX);
}

export function clampTopRow(row: number, geometry: ScrollGeometry): number {
  return Math.min(Math.max(0, Math.round(row)), maxTopRow(geometry));
}

export function topRowFromScroll(scrollTop: number, geometry: ScrollGeometry): number {
  const range = trackHeight(geometry) - geometry.viewportHeight;
  if (range <= 0) return 0;
  return clampTopRow((scrollTop / range) * maxTopRow(geometry), geometry);
}

export function scrollFromTopRow(row: number, geometry: ScrollGeometry): number {
  const range = trackHeight(geometry) - geometry.viewportHeight;
  const top = maxTopRow(geometry);
  if (range <= 0 || top === 0) return 0;
  return (clampTopRow(row, geometry) / top) * range;
}

/**
 * The first row that shows [start, end) from the current one: unchanged when the range's first
 * row is on screen, else that row placed a third of the way down so its context shows too.
 */
export function rowToReveal(start: number, current: number, geometry: ScrollGeometry, bytesPerRow = 16): number {
  const row = Math.floor(start / bytesPerRow);
  const shown = visibleRows(geometry);
  if (row >= current && row < current + shown) return current;
  return clampTopRow(row - Math.floor(shown / 3), geometry);
}

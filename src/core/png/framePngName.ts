/** OUT.png -> OUT-0007.png for frame 7 of a file with `frameCount` frames (numbers padded to 4 digits or more). */
export function framePngName(out: string, frameNumber: number, frameCount: number): string {
  const digits = Math.max(4, String(frameCount).length);
  const dot = out.toLowerCase().endsWith('.png') ? out.length - 4 : out.length;
  return `${out.slice(0, dot)}-${String(frameNumber).padStart(digits, '0')}${out.slice(dot) || '.png'}`;
}

/**
 * Cine playback: advances frames at a chosen rate, never faster than frames arrive (a frame
 * that is not loaded yet holds the clock rather than being skipped).
 */
export class Cine {
  private timer: number | undefined;
  private busy = false;
  fps: number;

  constructor(initialFps: number, private readonly step: () => Promise<void>) {
    this.fps = initialFps;
  }

  get playing(): boolean {
    return this.timer !== undefined;
  }

  toggle(): void {
    if (this.playing) this.stop();
    else this.start();
  }

  start(): void {
    this.stop();
    let last = performance.now();
    const tick = (): void => {
      const now = performance.now();
      if (!this.busy && now - last >= 1000 / this.fps - 1) {
        last = now;
        this.busy = true;
        this.step().finally(() => (this.busy = false));
      }
      this.timer = requestAnimationFrame(tick);
    };
    this.timer = requestAnimationFrame(tick);
  }

  stop(): void {
    if (this.timer !== undefined) cancelAnimationFrame(this.timer);
    this.timer = undefined;
  }

  setFps(fps: number): void {
    this.fps = Math.min(120, Math.max(0.5, fps));
  }
}

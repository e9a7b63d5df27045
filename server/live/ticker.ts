// A periodic async job that never overlaps itself: the next run is scheduled when the last one has
// finished, `kick()` asks for a run as soon as possible (or right after the current one), and the
// timers are unref'd so an app built without a lifecycle (tests, scripts) never keeps Node alive.
export class Ticker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly job: () => Promise<void>, private readonly everyMs: number, private readonly onError: (err: unknown) => void) {}

  start(): void { this.schedule(this.everyMs); }

  kick(): void {
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    let failed = false;
    this.running = this.job().catch((err: unknown) => { failed = true; this.onError(err); });
    await this.running;
    this.running = null;
    const again = this.again;
    this.again = false;
    // A failing database is retried once a second, not at every poll (one log line, not ten).
    this.schedule(failed ? Math.max(this.everyMs, 1_000) : again ? 0 : this.everyMs);
  }
}

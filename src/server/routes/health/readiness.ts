/**
 * The database's readiness, asked at most once per `maxAgeMs`: callers within that time get
 * the last result, and callers while a check runs share it. A flood of `/api/ready` probes
 * thus costs one database query a second, never a pool's worth.
 */
export class ReadinessProbe {
  private last: { at: number; ok: boolean } | undefined;
  private running: Promise<boolean> | undefined;

  constructor(
    private readonly ping: () => Promise<void>,
    private readonly now: () => number = Date.now,
    private readonly maxAgeMs = 1000,
  ) {}

  /** Whether the database answered, from a check at most `maxAgeMs` old. */
  ready(): Promise<boolean> {
    const last = this.last;
    if (last && this.now() - last.at <= this.maxAgeMs) return Promise.resolve(last.ok);
    this.running ??= this.check();
    return this.running;
  }

  private async check(): Promise<boolean> {
    const at = this.now();
    let ok = false;
    try {
      await this.ping();
      ok = true;
    } catch {
      ok = false;
    }
    // The result's age counts from when the check began, so it is never older than promised.
    this.last = { at, ok };
    this.running = undefined;
    return ok;
  }
}

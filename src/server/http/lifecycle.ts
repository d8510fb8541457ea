// Where a process is in its life, for the readiness probe: serving, or draining after SIGTERM
// (docs/deploy.md). While it drains it still answers every request, but `/api/ready` says 503
// `draining`, so a proxy or orchestrator that polls it sends no new work before it stops.

/** A process's lifecycle: one per app, shared by main.ts (which starts the drain) and routes. */
export class Lifecycle {
  private drainingFlag = false;

  /** From now on `/api/ready` answers 503 `draining`; requests are still served. */
  startDraining(): void {
    this.drainingFlag = true;
  }

  get draining(): boolean {
    return this.drainingFlag;
  }
}

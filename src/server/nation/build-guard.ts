// One release build at a time in a process: a build reads every event of the term on all cores
// for up to a minute, so a second one started meanwhile (a double submit, a second coordinator)
// is refused at once rather than run beside it. Across processes the rate limit and the refusal
// of a term already stored still hold.

import { HttpError } from '../http/errors';

/** Runs one build at a time; a build asked for while another runs is refused (409). */
export class OneBuildAtATime {
  private running: string | null = null;

  async run<T>(term: string, build: () => Promise<T>): Promise<T> {
    if (this.running !== null)
      throw new HttpError(
        409,
        'build_in_progress',
        `The release of ${this.running} is being built; build another when it is done`,
      );
    this.running = term;
    try {
      return await build();
    } finally {
      this.running = null;
    }
  }
}

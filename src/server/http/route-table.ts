import Router from 'find-my-way';
import type { HTTPMethod } from 'find-my-way';
import type { FastifyInstance, RouteOptions } from 'fastify';

/** The catch-all of the web app: it answers GET everywhere, so it says nothing about methods. */
const CATCH_ALL = '/*';

/**
 * Which methods each path of the app answers, for `405 Method Not Allowed` and its `Allow`
 * header. Fills itself from Fastify's `onRoute` hook (install it before any route), and matches
 * paths with the router Fastify itself uses.
 */
export class RouteTable {
  private readonly router = Router();
  private readonly methods = new Set<HTTPMethod>();

  install(app: FastifyInstance): void {
    app.addHook('onRoute', (route: RouteOptions) => this.add(route));
  }

  private add(route: RouteOptions): void {
    if (route.url === CATCH_ALL) return;
    const list = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethod[];
    for (const m of list) {
      if (this.router.findRoute(m, route.url) === null) this.router.on(m, route.url, () => {});
      this.methods.add(m);
    }
  }

  /** The methods some route answers at this path (sorted; empty when none does). */
  methodsFor(path: string): string[] {
    return [...this.methods].filter((m) => this.router.find(m, path) !== null).sort();
  }
}

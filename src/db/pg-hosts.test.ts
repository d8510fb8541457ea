import { describe, expect, it } from 'vitest';
import { MAX_HOSTS, PgUrlError, pgNodes } from './pg-hosts';

describe('pgNodes: a DATABASE_URL with one host or a list of them', () => {
  it('gives a one-host URL back unchanged', () => {
    const url = 'postgres://kite:pw@127.0.0.1:5432/kite?sslmode=disable';
    expect(pgNodes(url)).toEqual([{ label: '127.0.0.1:5432', url }]);
    expect(pgNodes('postgresql://db.example.org/kite')).toEqual([
      { label: 'db.example.org:5432', url: 'postgresql://db.example.org/kite' },
    ]);
  });

  it('splits a host list into one URL per node, in order, keeping user, database and parameters', () => {
    const nodes = pgNodes(
      'postgres://kite:p%40ss@10.0.0.1:5433,10.0.0.2,[::1]:5434/kite?application_name=k',
    );
    expect(nodes).toEqual([
      {
        label: '10.0.0.1:5433',
        url: 'postgres://kite:p%40ss@10.0.0.1:5433/kite?application_name=k',
      },
      {
        label: '10.0.0.2:5432',
        url: 'postgres://kite:p%40ss@10.0.0.2:5432/kite?application_name=k',
      },
      { label: '[::1]:5434', url: 'postgres://kite:p%40ss@[::1]:5434/kite?application_name=k' },
    ]);
    for (const n of nodes) {
      const u = new URL(n.url);
      expect([u.username, u.password, u.pathname]).toEqual(['kite', 'p%40ss', '/kite']);
    }
  });

  it('takes a list without user or database', () => {
    expect(pgNodes('postgres://a:1,b:2').map((n) => n.url)).toEqual([
      'postgres://a:1',
      'postgres://b:2',
    ]);
  });

  it.each([
    ['postgres://k@a:5432,b:0/kite', /host 2 .*port that is not from 1 to 65535/],
    ['postgres://k@a:5432,b:65536/kite', /host 2 .*port/],
    ['postgres://k@a:5432,b:x/kite', /host 2 .*malformed/],
    ['postgres://k@a:5432,/kite', /host 2 .*empty/],
    ['postgres://k@,a:5432/kite', /host 1 .*empty/],
    ['postgres://k@a:5432,a/kite', /names a:5432 twice/],
    ['postgres://k@h:port/kite', /not a valid URL/],
    ['mysql://k@a,b/kite', /not a postgres:\/\/ URL/],
    [
      `postgres://k@${Array.from({ length: MAX_HOSTS + 1 }, (_, i) => `h${i}`).join(',')}/kite`,
      /at most 8/,
    ],
  ])('refuses %s', (url, message) => {
    expect(() => pgNodes(url)).toThrow(PgUrlError);
    expect(() => pgNodes(url)).toThrow(message);
  });

  it('never puts the password in a message', () => {
    let message = '';
    try {
      pgNodes('postgres://kite:S3cr3t@a:5432,a:5432/kite');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/twice/);
    expect(message).not.toContain('S3cr3t');
  });
});

import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      country: 'intl',
      contentDir: './content',
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every variable', () => {
    const c = parseConfig({
      PORT: '3210',
      HOST: '0.0.0.0',
      KITE_DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kite',
      KITE_COUNTRY: 'kh',
      KITE_CONTENT_DIR: '/srv/content',
    });
    expect(c).toMatchObject({
      port: 3210,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/kite',
      country: 'kh',
      contentDir: '/srv/content',
    });
  });

  it('sizes the PDF pool from the cores unless told, and reads its queue limit', () => {
    const auto = parseConfig({});
    expect(auto.pdfWorkers).toBe(Math.max(1, availableParallelism() - 1));
    expect(auto.pdfQueue).toBe(100);
    expect(parseConfig({ KITE_PDF_WORKERS: '0', KITE_PDF_QUEUE: '8' })).toMatchObject({
      pdfWorkers: 0,
      pdfQueue: 8,
    });
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: ' ' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be a whole number.*\(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT must be a whole number from 1 to 65535/],
    [{ PORT: '-1' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ KITE_COUNTRY: 'Cambodia!' }, /KITE_COUNTRY must be a country pack id/],
    [{ KITE_LOG_LEVEL: 'loud' }, /KITE_LOG_LEVEL/],
    [{ KITE_PDF_WORKERS: 'many' }, /KITE_PDF_WORKERS must be a whole number from 0 to 64/],
    [{ KITE_PDF_QUEUE: '0' }, /KITE_PDF_QUEUE must be a whole number from 1 to 10000/],
  ])('rejects %o with one clear line', (env, message) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

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
      packs: ['core'],
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('serves only the packs KITE_PACKS names (default core, never sample unless asked)', () => {
    expect(parseConfig({}).packs).toEqual(['core']);
    expect(parseConfig({ KITE_PACKS: 'core, sample' }).packs).toEqual(['core', 'sample']);
    expect(parseConfig({ KITE_PACKS: 'core,core' }).packs).toEqual(['core']);
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
    [{ KITE_PACKS: 'core;sample' }, /KITE_PACKS must be pack ids separated by commas/],
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

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import { buildCatalogue, formatIssue } from '../../src/engine/content';
import { helplinesFor } from '../../src/engine';
import type { CountryCode, CountryPack } from '../../src/engine';

// The country packs under content/countries/ and what the checker says about a broken one.

const read = (path: string) => readFileSync(path, 'utf8');
const KH = JSON.parse(read('content/countries/kh.json')) as {
  helplines: Record<string, unknown>[];
} & Record<string, unknown>;

/** The real content root's topics, frameworks and intl pack, with `kh` as given. */
function rootWith(kh: unknown) {
  return [
    { path: 'topics.json', text: read('content/topics.json') },
    { path: 'countries/intl.json', text: read('content/countries/intl.json') },
    ...readdirSync('content/frameworks').map((f) => ({
      path: `frameworks/${f}`,
      text: read(`content/frameworks/${f}`),
    })),
    { path: 'countries/kh.json', text: JSON.stringify(kh) },
  ];
}

/** `kh.json` with its first helpline changed by `edit`. */
function withFirstHelpline(edit: (h: Record<string, unknown>) => void) {
  const copy = structuredClone(KH);
  edit(copy.helplines[0] as Record<string, unknown>);
  return copy;
}

const content = shippedContent();
const errors = (kh: unknown) => buildCatalogue(rootWith(kh)).errors.map(formatIssue);

describe('content/countries/kh.json', () => {
  it('passes every check and loads with a status on every entry', async () => {
    const { errors: found, catalogue } = await content;
    expect(found.map(formatIssue)).toEqual([]);
    const kh = catalogue.countries.get('kh' as CountryCode);
    expect(kh?.currency.code).toBe('KHR');
    for (const h of kh?.helplines ?? []) {
      expect(['verified', 'to-verify']).toContain(h.status);
      expect(h.source).toMatch(/^https:\/\//);
      expect(h.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Every entry says how it was read, and that it was not re-checked over the network.
      expect(h.note).toMatch(/not re-checked over the network/i);
    }
    // Nothing unconfirmed is in front of a child: the unconfirmed hotline gives way to INHOPE.
    const intl = catalogue.countries.get('intl' as CountryCode) as CountryPack;
    const child = helplinesFor(kh as CountryPack, intl, 'child');
    expect(child.every((h) => h.status === 'verified')).toBe(true);
    expect(child.map((h) => h.id)).toContain('inhope-directory');
  });

  it('writes its amounts in riel with the riel sign', () => {
    const money = KH.money as Record<string, { text: string }>;
    for (const m of Object.values(money)) expect(m.text).toMatch(/^[\d,]+៛$/);
  });

  it('loads the intl entries, written with a status, as verified', async () => {
    const { catalogue } = await content;
    const intl = catalogue.countries.get('intl' as CountryCode);
    expect(intl?.helplines.map((h) => h.status)).toEqual(['verified', 'verified']);
  });
});

describe('a broken helpline entry', () => {
  it('is rejected without a source, naming the file and the path', () => {
    expect(errors(withFirstHelpline((h) => delete h.source))).toEqual([
      'countries/kh.json: helplines[0].source: give the URL where this entry was checked',
    ]);
  });

  it('is rejected without verifiedOn, or with a date that does not exist', () => {
    expect(errors(withFirstHelpline((h) => delete h.verifiedOn))).toEqual([
      'countries/kh.json: helplines[0].verifiedOn: is required',
    ]);
    expect(errors(withFirstHelpline((h) => (h.verifiedOn = '2026-02-30')))).toEqual([
      'countries/kh.json: helplines[0].verifiedOn: not a real date',
    ]);
  });

  it('is rejected with a status other than verified or to-verify', () => {
    expect(errors(withFirstHelpline((h) => (h.status = 'checked')))).toEqual([
      'countries/kh.json: helplines[0].status: status is "verified" (a coordinator checked it against its source) or "to-verify"',
    ]);
  });

  it('is rejected without a status in a national pack', () => {
    const found = errors(withFirstHelpline((h) => delete h.status));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^countries\/kh\.json: helplines\[0\]\.status: give "status"/);
  });

  it('may leave the status out in the intl pack, where it loads as verified', () => {
    const intl = JSON.parse(read('content/countries/intl.json')) as {
      helplines: Record<string, unknown>[];
    };
    for (const h of intl.helplines) delete h.status;
    const files = rootWith(KH).map((f) =>
      f.path === 'countries/intl.json' ? { ...f, text: JSON.stringify(intl) } : f,
    );
    const { errors: found, catalogue } = buildCatalogue(files);
    expect(found.map(formatIssue)).toEqual([]);
    const loaded = catalogue.countries.get('intl' as CountryCode);
    expect(loaded?.helplines.map((h) => h.status)).toEqual(['verified', 'verified']);
  });
});

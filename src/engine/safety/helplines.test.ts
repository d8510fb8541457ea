import { describe, expect, it } from 'vitest';
import type { ContentId, CountryCode } from '../ids';
import { text } from '../testing/builders';
import type { CountryPack, Helpline, HelplineStatus } from '../types/country';
import { renderText } from '../text/render';
import { helplinesFor, isVerified, mentionedHelpline } from './helplines';

function entry(
  id: string,
  kind: Helpline['kind'],
  status: HelplineStatus,
  extra: Partial<Helpline> = {},
): Helpline {
  return {
    id,
    kind,
    name: text(`${id}.name`, `Name of ${id}`),
    url: `https://example.org/${id}`,
    source: `https://example.org/${id}`,
    verifiedOn: '2026-12-05',
    status,
    ...extra,
  };
}

function pack(code: string, helplines: Helpline[]): CountryPack {
  return {
    code: code as CountryCode,
    name: text(code),
    helplines,
    names: {},
    apps: {},
    currency: { name: text('cur', 'coins') },
    money: { small: text('s'), medium: text('m'), large: text('l') },
    consentAge: null,
  };
}

const intl = pack('intl', [
  entry('chi', 'helpline', 'verified', {
    directory: true,
    mention: text('chi.mention', "your country's child helpline (find it at CHI)"),
  }),
  entry('inhope', 'hotline', 'verified', {
    directory: true,
    mention: text('inhope.mention', "your country's reporting hotline (find it on INHOPE's map)"),
  }),
]);

const ids = (list: readonly Helpline[]) => list.map((h) => h.id);

describe('helplinesFor', () => {
  it('hides an entry still to verify from children and shows the intl directory instead', () => {
    const kh = pack('kh', [entry('chc', 'helpline', 'to-verify')]);
    expect(ids(helplinesFor(kh, intl, 'child'))).toEqual(['chi', 'inhope']);
  });

  it('shows an entry still to verify to adults, marked, next to the directory', () => {
    const kh = pack('kh', [entry('chc', 'helpline', 'to-verify')]);
    const shown = helplinesFor(kh, intl, 'adult');
    expect(ids(shown)).toEqual(['chc', 'chi', 'inhope']);
    expect(shown.map(isVerified)).toEqual([false, true, true]);
  });

  it('shows confirmed national entries to children and drops the directory of their kind', () => {
    const kh = pack('kh', [
      entry('chc', 'helpline', 'verified'),
      entry('ihc', 'hotline', 'to-verify'),
      entry('police', 'hotline', 'to-verify'),
    ]);
    expect(ids(helplinesFor(kh, intl, 'child'))).toEqual(['chc', 'inhope']);
    expect(ids(helplinesFor(kh, intl, 'adult'))).toEqual(['chc', 'ihc', 'police', 'inhope']);
  });

  it('needs no fallback once every kind has a confirmed entry', () => {
    const kh = pack('kh', [
      entry('chc', 'helpline', 'verified'),
      entry('ihc', 'hotline', 'verified'),
    ]);
    expect(ids(helplinesFor(kh, intl, 'child'))).toEqual(['chc', 'ihc']);
    expect(ids(helplinesFor(kh, intl, 'adult'))).toEqual(['chc', 'ihc']);
  });

  it('lists the intl pack once when it is the deployment pack', () => {
    expect(ids(helplinesFor(intl, intl, 'child'))).toEqual(['chi', 'inhope']);
  });

  it('never shows a child an entry for adults only, and falls back for its kind instead', () => {
    const kh = pack('kh', [
      entry('parents', 'helpline', 'verified', { adultsOnly: true }),
      entry('chc', 'hotline', 'verified'),
    ]);
    expect(ids(helplinesFor(kh, intl, 'child'))).toEqual(['chc', 'chi']);
    expect(ids(helplinesFor(kh, intl, 'adult'))).toEqual(['parents', 'chc', 'chi']);
    expect(mentionedHelpline(kh, intl, 'helpline')?.id).toBe('chi');
  });

  it('gives children nothing rather than an unconfirmed fallback entry', () => {
    const unchecked = pack('intl', [entry('chi', 'helpline', 'to-verify')]);
    const kh = pack('kh', [entry('chc', 'helpline', 'to-verify')]);
    expect(helplinesFor(kh, unchecked, 'child')).toEqual([]);
  });
});

describe('{helpline} and {hotline} in a sentence', () => {
  const sentence = { id: 'x.help' as ContentId, text: '{helpline} can help. Report to {hotline}.' };

  it('never names an entry still to verify, for any reader', () => {
    const kh = pack('kh', [
      entry('chc', 'helpline', 'to-verify'),
      entry('ihc', 'hotline', 'to-verify'),
    ]);
    expect(mentionedHelpline(kh, intl, 'helpline')?.id).toBe('chi');
    expect(renderText(sentence, kh, intl)).toBe(
      "Your country's child helpline (find it at CHI) can help. Report to your country's reporting hotline (find it on INHOPE's map).",
    );
  });

  it('names the confirmed national entry once a coordinator marks it verified', () => {
    const kh = pack('kh', [
      entry('chc', 'helpline', 'verified', {
        mention: text('chc.mention', 'Child Helpline Cambodia (free call 1280)'),
      }),
      entry('ihc', 'hotline', 'to-verify'),
    ]);
    expect(renderText(sentence, kh, intl)).toBe(
      "Child Helpline Cambodia (free call 1280) can help. Report to your country's reporting hotline (find it on INHOPE's map).",
    );
  });
});

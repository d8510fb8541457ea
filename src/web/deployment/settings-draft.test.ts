import { describe, expect, it } from 'vitest';
import type { SettingsView } from './api';
import { draftOf, newHelpline, patchOf } from './settings-draft';

const HELPLINE = {
  id: 'set-1',
  kind: 'helpline',
  name: 'Safe Talk Line',
  phone: '1299',
  audience: 'everyone',
  checkedOn: '2027-04-05',
} as const;

const view = (set: string[], consentAge: number | null): SettingsView => ({
  settings: {
    version: 4,
    updatedAt: '2027-04-05T09:00:00.000Z',
    country: 'kh',
    languages: ['en', 'km'],
    consentAge,
    helplines: [HELPLINE],
    retention: { auditDays: 60, childMonths: 12 },
  },
  set,
  defaults: {
    country: 'intl',
    languages: ['en', 'km'],
    consentAge: null,
    retention: { auditDays: 90, childMonths: 12 },
  },
  choices: {
    countries: [
      { code: 'intl', name: 'International' },
      { code: 'kh', name: 'Cambodia' },
    ],
    languages: ['en', 'km'],
    consentAge: { min: 13, max: 16 },
    auditDays: { min: 30, max: 90 },
    childMonths: { min: 4, max: 12 },
    helplines: 12,
  },
});

describe('the settings form', () => {
  it('sends only the version when nothing was touched, so defaults stay defaults', () => {
    const v = view(['country', 'helplines', 'auditDays'], null);
    expect(patchOf(v, draftOf(v))).toEqual({ version: 4 });
  });

  it('sends each changed field, numbers as numbers', () => {
    const v = view(['country', 'helplines', 'auditDays'], null);
    const d = draftOf(v);
    expect(
      patchOf(v, {
        ...d,
        country: 'intl',
        languages: ['en'],
        consentAge: '15',
        childMonths: '6',
      }),
    ).toEqual({
      version: 4,
      country: 'intl',
      languages: ['en'],
      consentAge: 15,
      retention: { childMonths: 6 },
    });
  });

  it('an emptied age of consent goes back to the default only when one was set', () => {
    const set = view(['consentAge'], 14);
    expect(draftOf(set).consentAge).toBe('14');
    expect(patchOf(set, { ...draftOf(set), consentAge: '' })).toEqual({
      version: 4,
      consentAge: null,
    });
    // The pack's age shows as the hint, not in the field: nothing to send.
    const pack = view([], 16);
    expect(draftOf(pack).consentAge).toBe('');
    expect(patchOf(pack, draftOf(pack))).toEqual({ version: 4 });
  });

  it('sends the helplines as written, without empty fields, and none as null', () => {
    const v = view(['helplines'], null);
    const d = draftOf(v);
    const added = { ...newHelpline(), name: ' Report Line ', url: 'https://report.example/' };
    expect(patchOf(v, { ...d, helplines: [...d.helplines, added] }).helplines).toEqual([
      { kind: 'helpline', audience: 'everyone', name: 'Safe Talk Line', phone: '1299' },
      {
        kind: 'helpline',
        audience: 'everyone',
        name: 'Report Line',
        url: 'https://report.example/',
      },
    ]);
    expect(patchOf(v, { ...d, helplines: [] }).helplines).toBeNull();
  });
});

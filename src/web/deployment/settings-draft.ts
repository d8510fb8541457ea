import type { SettingsPatch, SettingsView } from './api';
import { toInput } from './helpline-editor';
import type { HelplineDraft } from './helpline-editor';

/** The settings form as typed: numbers as text, helplines as drafts. */
export interface Draft {
  readonly country: string;
  readonly languages: readonly string[];
  readonly consentAge: string;
  readonly auditDays: string;
  readonly childMonths: string;
  readonly helplines: readonly HelplineDraft[];
}

/** Keys that stay with a helpline while the list is edited (a counter: no randomness needed). */
let nextKey = 0;

/** The form for the settings `v` shows (the age of consent empty while it is the default). */
export function draftOf(v: SettingsView): Draft {
  const s = v.settings;
  return {
    country: s.country,
    languages: s.languages,
    consentAge: v.set.includes('consentAge') && s.consentAge !== null ? String(s.consentAge) : '',
    auditDays: String(s.retention.auditDays),
    childMonths: String(s.retention.childMonths),
    helplines: s.helplines.map((h) => ({
      key: nextKey++,
      kind: h.kind,
      name: h.name,
      phone: h.phone ?? '',
      url: h.url ?? '',
      chat: h.chat ?? '',
      hours: h.hours ?? '',
      description: h.description ?? '',
      audience: h.audience,
    })),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * What the draft changes, as the API takes it: only the fields that differ from `v`, on its
 * version (an untouched field stays at its default, so the server's configuration still rules it).
 */
export function patchOf(v: SettingsView, d: Draft): SettingsPatch {
  const s = v.settings;
  const patch: Record<string, unknown> = { version: s.version };
  if (d.country !== s.country) patch.country = d.country;
  if (!sameList(d.languages, s.languages)) patch.languages = d.languages;
  const age = d.consentAge.trim();
  if (age === '' && v.set.includes('consentAge')) patch.consentAge = null;
  else if (age !== '' && Number(age) !== s.consentAge) patch.consentAge = Number(age);
  const retention: Record<string, number> = {};
  if (Number(d.auditDays) !== s.retention.auditDays) retention.auditDays = Number(d.auditDays);
  if (Number(d.childMonths) !== s.retention.childMonths)
    retention.childMonths = Number(d.childMonths);
  if (Object.keys(retention).length) patch.retention = retention;
  const lines = d.helplines.map(toInput);
  const before = s.helplines.map(({ id: _id, checkedOn: _on, ...rest }) => rest);
  if (canonical(lines) !== canonical(before)) patch.helplines = lines.length ? lines : null;
  return patch as unknown as SettingsPatch;
}

/** A list of entries as text, whatever order each entry's fields came in. */
const canonical = (list: readonly object[]) =>
  JSON.stringify(list.map((h) => Object.entries(h).sort(([a], [b]) => a.localeCompare(b))));

/** An empty helpline for the form. */
export const newHelpline = (): HelplineDraft => ({
  key: nextKey++,
  kind: 'helpline',
  name: '',
  phone: '',
  url: '',
  chat: '',
  hours: '',
  description: '',
  audience: 'everyone',
});

import { HttpError } from '../http/errors';
import { toDbTime } from '../../db/time';
import type { DeploymentContext } from './context';
import type { DeploymentHelpline, EffectiveSettings, StoredSettings } from './settings';
import { effectiveOf } from './settings';
import { readStored, SETTINGS_ROW } from './store';
import { trackingProblem } from './tracking';
import { diff, recordChange } from './trail';

/** A helpline as a coordinator writes it (its id and day of check are the server's). */
export type HelplineInput = Omit<DeploymentHelpline, 'id' | 'checkedOn'>;

/**
 * A change to the settings: each field given is set (null: back to the default), each field left
 * out stays. `version` is the version the change was made on; another change since is a conflict.
 */
export interface SettingsPatch {
  readonly version: number;
  readonly country?: string | null | undefined;
  readonly languages?: readonly string[] | null | undefined;
  readonly consentAge?: number | null | undefined;
  readonly helplines?: readonly HelplineInput[] | null | undefined;
  readonly retention?:
    | {
        readonly auditDays?: number | null | undefined;
        readonly childMonths?: number | null | undefined;
      }
    | null
    | undefined;
}

/** Refuses what the schema cannot know: packs and languages of the content, tracking links. */
function check(ctx: DeploymentContext, patch: SettingsPatch): void {
  if (patch.country != null && !ctx.countries.some((c) => c.code === patch.country))
    throw new HttpError(
      400,
      'unknown_country_pack',
      `There is no country pack "${patch.country}"; choose one of ${ctx.countries.map((c) => c.code).join(', ')}`,
    );
  if (patch.languages != null) {
    const unknown = patch.languages.find((l) => !ctx.defaults.languages.includes(l));
    if (unknown !== undefined)
      throw new HttpError(
        400,
        'unsupported_language',
        `The content offers no language "${unknown}"; it offers ${ctx.defaults.languages.join(', ')}`,
      );
    if (!patch.languages.includes('en'))
      throw new HttpError(
        400,
        'unsupported_language',
        'English stays offered: every text not yet translated falls back to it',
      );
  }
  patch.helplines?.forEach((h, i) => {
    for (const field of ['url', 'chat'] as const) {
      const value = h[field];
      const problem = value === undefined ? null : trackingProblem(value);
      if (problem) throw new HttpError(400, 'tracking_url', `helplines.${i}.${field} ${problem}`);
    }
  });
}

const same = (a: HelplineInput, b: DeploymentHelpline) => {
  const { id: _id, checkedOn: _on, ...rest } = b;
  return JSON.stringify(normal(a)) === JSON.stringify(normal(rest));
};
const normal = (h: HelplineInput) =>
  Object.fromEntries(
    Object.entries(h)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => x.localeCompare(y)),
  );

/**
 * The helplines to store: numbered in their order; an entry unchanged keeps the day it was
 * checked, a new or edited one is checked today (the coordinator's writing it is the check).
 */
function numbered(
  input: readonly HelplineInput[],
  before: readonly DeploymentHelpline[],
  today: string,
): DeploymentHelpline[] {
  return input.map((h, i) => ({
    ...(normal(h) as unknown as HelplineInput),
    id: `set-${i + 1}`,
    checkedOn: before.find((b) => same(h, b))?.checkedOn ?? today,
  }));
}

/** The stored settings after `patch`. */
function applied(stored: StoredSettings, patch: SettingsPatch, today: string): StoredSettings {
  const next: Record<string, unknown> = { ...stored };
  const put = (key: string, value: unknown) => {
    if (value === undefined) return;
    if (value === null) delete next[key];
    else next[key] = value;
  };
  put('country', patch.country);
  put(
    'languages',
    patch.languages === null ? null : patch.languages && [...new Set(patch.languages)],
  );
  put('consentAge', patch.consentAge);
  put(
    'helplines',
    patch.helplines === null
      ? null
      : patch.helplines && numbered(patch.helplines, stored.helplines ?? [], today),
  );
  if (patch.retention === null) delete next.retention;
  else if (patch.retention) {
    const r: Record<string, number> = { ...stored.retention };
    for (const key of ['auditDays', 'childMonths'] as const) {
      const v = patch.retention[key];
      if (v === null) delete r[key];
      else if (v !== undefined) r[key] = v;
    }
    if (Object.keys(r).length === 0) delete next.retention;
    else next.retention = r;
  }
  return next as StoredSettings;
}

/** Flat view of stored settings for the trail (`retention.auditDays` and so on). */
const flat = (s: StoredSettings): Record<string, unknown> => {
  const { retention, ...rest } = s;
  return {
    ...rest,
    'retention.auditDays': retention?.auditDays,
    'retention.childMonths': retention?.childMonths,
  };
};

/**
 * Applies a change to the settings made by `actorId`: checks it, writes the new version and one
 * entry in the trail in one transaction, and makes this process read the settings again. A change
 * that sets nothing new writes nothing. Throws `version_conflict` (409) when someone changed the
 * settings since `patch.version`.
 */
export async function updateSettings(
  ctx: DeploymentContext,
  actorId: string,
  patch: SettingsPatch,
): Promise<EffectiveSettings> {
  check(ctx, patch);
  const now = ctx.now();
  const result = await ctx.db.kysely.transaction().execute(async (tx) => {
    const before = await readStored(tx);
    if (before.version !== patch.version)
      throw new HttpError(
        409,
        'version_conflict',
        `The settings changed since you opened them (now version ${before.version}); open them again`,
      );
    const stored = applied(before.stored, patch, toDbTime(now).slice(0, 10));
    const detail = diff(flat(before.stored), flat(stored));
    if (Object.keys(detail).length === 0)
      return effectiveOf(ctx.defaults, before.stored, before.version, before.updatedAt);
    const version = before.version + 1;
    const row = { settings: JSON.stringify(stored), version, updated_at: toDbTime(now) };
    const written =
      before.version === 0
        ? await tx
            .insertInto('kite_deployment_settings')
            .values({ id: SETTINGS_ROW, ...row })
            .onConflict((oc) => oc.column('id').doNothing())
            .executeTakeFirst()
            .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0))
        : await tx
            .updateTable('kite_deployment_settings')
            .set(row)
            .where('id', '=', SETTINGS_ROW)
            .where('version', '=', before.version)
            .executeTakeFirst()
            .then((r) => Number(r.numUpdatedRows));
    if (written !== 1)
      throw new HttpError(
        409,
        'version_conflict',
        'The settings changed meanwhile; open them again',
      );
    await recordChange(tx, {
      at: now,
      actorId,
      action: 'settings.changed',
      settingsVersion: version,
      detail,
    });
    return effectiveOf(ctx.defaults, stored, version, new Date(now).toISOString());
  });
  ctx.settings.invalidate();
  return result;
}

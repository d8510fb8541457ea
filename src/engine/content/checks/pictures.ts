import type { Activity } from '../../types/activity';
import type { MeasureBank } from '../../types/measurement';
import type { IssueSink } from '../issues';
import type { ActivityCheck } from './context';
import { interactionPath } from './context';

/** A scene whose answers need pictures and lack some: the path and the ids without one. */
export interface MissingPictures {
  readonly scene: string;
  /** Path of the list inside the activity file, e.g. `scenes.s1.interaction.args.options`. */
  readonly path: string;
  readonly kind: 'options' | 'items';
  readonly ids: readonly string[];
  readonly total: number;
}

/**
 * Children of 5–7 may not read yet, so every answer of a `choice` and every card of a `sort`
 * carries a picture. Lists the scenes of a 5–7 activity where some are missing (none for other
 * bands).
 */
export function missingPictures(activity: Activity): MissingPictures[] {
  if (activity.band !== '5-7') return [];
  const out: MissingPictures[] = [];
  for (const [scene, s] of Object.entries(activity.scenes)) {
    const i = s.interaction;
    const list =
      i.type === 'choice'
        ? { kind: 'options' as const, xs: i.args.options }
        : i.type === 'sort'
          ? { kind: 'items' as const, xs: i.args.items }
          : null;
    if (!list) continue;
    const ids = list.xs.filter((x) => !x.media).map((x) => x.id as string);
    if (ids.length === 0) continue;
    out.push({
      scene,
      path: `${interactionPath(scene)}.args.${list.kind}`,
      kind: list.kind,
      ids,
      total: list.xs.length,
    });
  }
  return out;
}

/**
 * The items of a bank asked in 5–7 whose answers (a `choice`'s options, a scale's points) or
 * cards (a `sort`) lack pictures: a quick check is read aloud, and the pictures let a child who
 * does not read yet tell the answers apart, as in the band's activities.
 */
export function missingItemPictures(bank: MeasureBank): MissingPictures[] {
  const out: MissingPictures[] = [];
  bank.items.forEach((item, n) => {
    if (!item.bands.includes('5-7')) return;
    const i = item.interaction;
    const list =
      i.type === 'choice'
        ? { kind: 'options' as const, xs: i.args.options }
        : { kind: 'items' as const, xs: i.args.items };
    const ids = list.xs.filter((x) => !x.media).map((x) => x.id as string);
    if (ids.length === 0) return;
    out.push({
      scene: item.id,
      path: `items[${n}].interaction.args.${list.kind}`,
      kind: list.kind,
      ids,
      total: list.xs.length,
    });
  });
  return out;
}

function warn(m: MissingPictures, file: string, sink: IssueSink): void {
  const what = m.kind === 'options' ? 'answers' : 'cards';
  sink.add(
    'missing-picture',
    file,
    m.path,
    `${m.ids.length} of ${m.total} ${what} have no picture (${m.ids.join(', ')}); children of 5–7 may not read yet, so give each one "media"`,
  );
}

/** Warning `missing-picture`: a 5–7 choice or sort with an answer or card without a picture. */
export function checkPictures({ activity, file, sink }: ActivityCheck): void {
  for (const m of missingPictures(activity)) warn(m, file, sink);
}

/** Warning `missing-picture`: a 5–7 item with an answer or card without a picture. */
export function checkItemPictures(bank: MeasureBank, file: string, sink: IssueSink): void {
  for (const m of missingItemPictures(bank)) warn(m, file, sink);
}

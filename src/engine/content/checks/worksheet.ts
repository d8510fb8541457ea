import { duplicateIds, joinPath } from '../../interactions/kind';
import type { LocalIssue } from '../../interactions/kind';
import { classify } from '../../interactions/registry';
import { orders } from '../../interactions/probe';
import type { Activity } from '../../types/activity';
import type { OrderQuestion, WorksheetItem, WorksheetQuestion } from '../../types/worksheet';
import { collectTexts } from '../walk';
import type { ActivityCheck } from './context';

function unknown(
  ids: readonly string[],
  items: readonly WorksheetItem[],
  path: string,
): LocalIssue[] {
  const known = new Set(items.map((i) => i.id));
  return ids.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: joinPath(path, i), message: `"${id}" is not one of the items` }],
  );
}

function checkQuestion(q: WorksheetQuestion): LocalIssue[] {
  switch (q.kind) {
    case 'tick':
      return [...duplicateIds(q.options, 'options'), ...unknown(q.correct, q.options, 'correct')];
    case 'order': {
      const out = [...duplicateIds(q.items, 'items'), ...unknown(q.correct, q.items, 'correct')];
      if (q.correct.length !== q.items.length || new Set(q.correct).size !== q.correct.length) {
        out.push({ path: 'correct', message: 'the key must list every item exactly once' });
      }
      return out;
    }
    case 'match': {
      const out = [...duplicateIds(q.left, 'left'), ...duplicateIds(q.right, 'right')];
      const right = new Set(q.right.map((r) => r.id));
      for (const l of q.left) {
        const to = Object.hasOwn(q.pairs, l.id) ? q.pairs[l.id] : undefined;
        if (to === undefined)
          out.push({ path: 'pairs', message: `left item "${l.id}" has no pair in the key` });
        else if (!right.has(to))
          out.push({ path: joinPath('pairs', l.id), message: `right item "${to}" does not exist` });
      }
      for (const k of Object.keys(q.pairs)) {
        if (!q.left.some((l) => l.id === k))
          out.push({ path: joinPath('pairs', k), message: `left item "${k}" does not exist` });
      }
      return out;
    }
    default:
      return [];
  }
}

/**
 * The orders of a worksheet order question's items that the game accepts, when one of the
 * activity's `sequence` scenes has every item as a step: each order of the scene's steps that
 * ends in a correct outcome, reduced to the question's items. Null when no scene matches.
 */
export function acceptedOrders(activity: Activity, q: OrderQuestion): string[][] | null {
  const ids = q.items.map((i) => i.id);
  for (const scene of Object.values(activity.scenes)) {
    const interaction = scene.interaction;
    if (interaction.type !== 'sequence') continue;
    const steps = interaction.args.steps.map((s) => s.id);
    if (!ids.every((id) => steps.includes(id))) continue;
    const seen = new Map<string, string[]>();
    for (const order of orders(steps)) {
      const group = classify(interaction, { type: 'sequence', order });
      if (group < 0 || interaction.answerGroups[group]?.outcome.correct !== true) continue;
      const reduced = order.filter((id) => ids.includes(id));
      seen.set(reduced.join(' '), reduced);
    }
    return [...seen.values()];
  }
  return null;
}

/**
 * An order question whose game twin accepts several orders: the key's order must be one of
 * them, and `guidance` must tell the adult that the others are right too.
 */
function checkOrderKey(activity: Activity, q: OrderQuestion): LocalIssue[] {
  const accepted = acceptedOrders(activity, q);
  if (!accepted || accepted.length === 0) return [];
  const out: LocalIssue[] = [];
  if (!accepted.some((o) => o.join(' ') === q.correct.join(' '))) {
    out.push({ path: 'correct', message: 'the game does not accept this order as correct' });
  }
  if (accepted.length > 1 && !q.guidance) {
    const others = accepted
      .filter((o) => o.join(' ') !== q.correct.join(' '))
      .map((o) => o.join(', '))
      .join('; ');
    out.push({
      path: 'guidance',
      message: `the game also accepts ${others}: say in "guidance" which other orders are right`,
    });
  }
  return out;
}

/**
 * Words that send a reader of a printed sheet to Kite itself ("the helpline shown in the app"),
 * which a child or adult with the paper may not have. An app inside a question's story ("the
 * app can take it down") is fine.
 */
const POINTS_TO_KITE =
  /\b(?:shown|listed|given|found) (?:in|on) (?:the|this) app\b|\bin this app\b|\bKite\b/i;

/**
 * `worksheet`: question ids unique; every answer key refers to the question's own items; an
 * order question's key accepts what the game accepts (see {@link checkOrderKey}); no text
 * sends the reader to Kite's app for help.
 */
export function checkWorksheet({ activity, file, sink }: ActivityCheck): void {
  const { questions } = activity.worksheet;
  for (const i of duplicateIds(questions, 'worksheet.questions'))
    sink.add('worksheet', file, i.path, i.message);
  questions.forEach((q, n) => {
    const issues = [...checkQuestion(q), ...(q.kind === 'order' ? checkOrderKey(activity, q) : [])];
    for (const i of issues)
      sink.add('worksheet', file, joinPath(`worksheet.questions[${n}]`, i.path), i.message);
  });
  for (const t of collectTexts(activity.worksheet)) {
    if (POINTS_TO_KITE.test(t.text)) {
      sink.add(
        'worksheet',
        file,
        joinPath('worksheet', t.path),
        `"${t.text}" points to the app, which a printed sheet does not have: name the person or helpline instead`,
      );
    }
  }
}

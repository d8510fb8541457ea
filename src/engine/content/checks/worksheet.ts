import { duplicateIds, joinPath } from '../../interactions/kind';
import type { LocalIssue } from '../../interactions/kind';
import type { WorksheetItem, WorksheetQuestion } from '../../types/worksheet';
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

/** `worksheet`: question ids unique; every answer key refers to the question's own items. */
export function checkWorksheet({ activity, file, sink }: ActivityCheck): void {
  const { questions } = activity.worksheet;
  for (const i of duplicateIds(questions, 'worksheet.questions'))
    sink.add('worksheet', file, i.path, i.message);
  questions.forEach((q, n) => {
    for (const i of checkQuestion(q))
      sink.add('worksheet', file, joinPath(`worksheet.questions[${n}]`, i.path), i.message);
  });
}

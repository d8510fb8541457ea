import { joinPath } from '../../interactions/kind';
import {
  checkArgs,
  checkRuleInputs,
  classify,
  isValidAnswer,
  probeAnswers,
  ruleMatches,
  sampleAnswers,
} from '../../interactions/registry';
import { play } from '../../play/play';
import { startActivity } from '../../play/state';
import type { SceneId } from '../../ids';
import type { Answer, Interaction, Rule } from '../../types/interaction';
import type { ActivityCheck } from './context';
import { interactionPath } from './context';

/**
 * Per scene, the outcomes (group index, -1 for the default) that some concrete answer played
 * through `play()` reaches; null for a scene whose inputs are broken (not played).
 */
export type Witnessed = Map<string, ReadonlySet<number> | null>;

function rulesOf(interaction: Interaction): readonly (readonly Rule[])[] {
  return interaction.answerGroups.map((g) => g.rules as readonly Rule[]);
}

/** `interaction-args` and `rule-inputs`; returns whether the scene is clean enough to play. */
function checkInputs(
  { file, sink }: ActivityCheck,
  scene: string,
  interaction: Interaction,
): boolean {
  const base = interactionPath(scene);
  let clean = true;
  for (const i of checkArgs(interaction)) {
    sink.add('interaction-args', file, joinPath(`${base}.args`, i.path), i.message);
    clean = false;
  }
  rulesOf(interaction).forEach((rules, g) =>
    rules.forEach((rule, r) => {
      for (const i of checkRuleInputs(interaction, rule)) {
        sink.add(
          'rule-inputs',
          file,
          joinPath(`${base}.answerGroups[${g}].rules[${r}]`, i.path),
          i.message,
        );
        clean = false;
      }
    }),
  );
  return clean;
}

/**
 * Plays sample answers of each group's rules, and probe answers, through `play()`. Reports
 * `unreachable-group` for a group no answer reaches (an earlier group takes them all), and
 * returns the outcomes that were reached. Probes that satisfy a group's rules are tried after
 * its samples, which makes the check exact wherever the probes list every answer.
 */
function playScene(
  { activity, file, sink }: ActivityCheck,
  scene: string,
  interaction: Interaction,
): Set<number> {
  const start = startActivity(activity, scene as SceneId);
  const reached = new Set<number>();
  const matched = (answer: Answer): number | null => {
    const result = play(activity, start, answer);
    if (!result.ok) return null;
    reached.add(result.step.group);
    return result.step.group;
  };
  let probes: Answer[] | undefined;
  rulesOf(interaction).forEach((rules, g) => {
    const samples = rules.flatMap((rule) => sampleAnswers(interaction, rule));
    const taken = samples.map(matched);
    if (taken.includes(g)) return;
    // Then every probe that satisfies one of the group's rules (exhaustive for small answer spaces).
    probes ??= probeAnswers(interaction);
    const fitting = probes.filter((a) => rules.some((rule) => ruleMatches(interaction, rule, a)));
    const more = fitting.map(matched);
    if (more.includes(g)) return;
    taken.push(...more);
    const by = [...new Set(taken)].filter((x): x is number => x !== null && x >= 0 && x < g);
    const why =
      by.length > 0
        ? `answer group ${by.map((x) => `[${x}]`).join(', ')} matches first`
        : 'no valid answer satisfies its rules';
    const path = `${interactionPath(scene)}.answerGroups[${g}]`;
    sink.add(
      'unreachable-group',
      file,
      path,
      `this group can never be reached: ${why} (tried ${samples.length + fitting.length} answers that satisfy its rules)`,
    );
  });
  if (!reached.has(-1))
    for (const answer of probeAnswers(interaction)) if (matched(answer) === -1) break;
  return reached;
}

/** `solution`: a solution's answer must be valid and lead to an outcome marked correct. */
function checkSolution(
  { file, sink }: ActivityCheck,
  scene: string,
  interaction: Interaction,
): void {
  if (interaction.type === 'continue') return;
  const answer = interaction.solution?.answer as Answer | undefined;
  if (answer === undefined) return;
  const path = `${interactionPath(scene)}.solution.answer`;
  if (!isValidAnswer(interaction, answer)) {
    sink.add('solution', file, path, 'is not a complete, valid answer for this interaction');
    return;
  }
  const g = classify(interaction, answer);
  const outcome = g < 0 ? interaction.defaultOutcome : interaction.answerGroups[g]?.outcome;
  if (outcome?.correct !== true) {
    const where = g < 0 ? 'the default outcome' : `answer group [${g}]`;
    sink.add('solution', file, path, `leads to ${where}, which is not marked correct`);
  }
}

/** Interaction checks for every scene; returns the outcomes witnessed per scene. */
export function checkInteractions(check: ActivityCheck): Witnessed {
  const witnessed: Witnessed = new Map();
  for (const [scene, s] of Object.entries(check.activity.scenes)) {
    if (!checkInputs(check, scene, s.interaction)) {
      witnessed.set(scene, null);
      continue;
    }
    witnessed.set(scene, playScene(check, scene, s.interaction));
    checkSolution(check, scene, s.interaction);
  }
  return witnessed;
}

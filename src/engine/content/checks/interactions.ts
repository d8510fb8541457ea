import { joinPath } from '../../interactions/kind';
import {
  checkArgs,
  checkRuleInputs,
  classify,
  isValidAnswer,
  sampleAnswers,
} from '../../interactions/registry';
import { play } from '../../play/play';
import { startActivity } from '../../play/state';
import type { SceneId } from '../../ids';
import type { Activity } from '../../types/activity';
import type { Answer, Interaction, Rule } from '../../types/interaction';
import type { ActivityCheck } from './context';
import { interactionPath } from './context';

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
 * `unreachable-group`: plays sample answers of each group's rules through `play()` and
 * reports a group that no sample reaches, because an earlier group takes them all.
 */
function checkGroups(
  { activity, file, sink }: ActivityCheck,
  scene: string,
  interaction: Interaction,
): void {
  const start = startActivity(activity, scene as SceneId);
  rulesOf(interaction).forEach((rules, g) => {
    const samples = rules.flatMap((rule) => sampleAnswers(interaction, rule));
    const taken: number[] = [];
    for (const answer of samples) {
      const result = play(activity, start, answer);
      if (!result.ok) continue;
      if (result.step.group === g) return;
      taken.push(result.step.group);
    }
    const by = [...new Set(taken)].filter((x) => x >= 0 && x < g);
    const why =
      by.length > 0
        ? `answer group ${by.map((x) => `[${x}]`).join(', ')} matches first`
        : 'no valid answer satisfies its rules';
    sink.add(
      'unreachable-group',
      file,
      `${interactionPath(scene)}.answerGroups[${g}]`,
      `this group can never be reached: ${why} (tried ${samples.length} sample answers)`,
    );
  });
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
  const withType = { ...answer, type: interaction.type } as Answer;
  if (!isValidAnswer(interaction, withType)) {
    sink.add('solution', file, path, 'is not a complete, valid answer for this interaction');
    return;
  }
  const g = classify(interaction, withType);
  const outcome = g < 0 ? interaction.defaultOutcome : interaction.answerGroups[g]?.outcome;
  if (outcome?.correct !== true) {
    sink.add(
      'solution',
      file,
      path,
      `leads to ${g < 0 ? 'the default outcome' : `answer group [${g}]`}, which is not marked correct`,
    );
  }
}

/** Interaction checks for every scene of an activity. */
export function checkInteractions(check: ActivityCheck): void {
  const activity: Activity = check.activity;
  for (const [scene, s] of Object.entries(activity.scenes)) {
    const clean = checkInputs(check, scene, s.interaction);
    if (!clean) continue;
    checkGroups(check, scene, s.interaction);
    checkSolution(check, scene, s.interaction);
  }
}

// Engine micro-benchmarks: npm run bench:engine
// Prints `model update: <x> µs` (goal ≤ 10 µs per answer, SPEC quality bars) and
// `play steps/s: <n>`, plus the fold of a large event log and the content check.
import { performance } from 'node:perf_hooks';
import { loadCatalogue } from '../src/content/catalogue';
import { newLearner, play, startActivity, updateLearner } from '../src/engine';
import type {
  ActivityId,
  Answer,
  AttemptId,
  LearnerModel,
  ModelAnswer,
  PlayState,
  SkillId,
} from '../src/engine';

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// A learner who has met 40 skills across 80 activities: the size of a full curriculum.
const skills = Array.from({ length: 40 }, (_, i) => `skill-${i}` as SkillId);
const answers: ModelAnswer[] = Array.from({ length: 1000 }, (_, i) => ({
  activity: `activity-${i % 80}` as ActivityId,
  attempt: `attempt-${Math.floor(i / 5)}` as AttemptId,
  skills: [skills[i % 40] as SkillId, skills[(i * 7) % 40] as SkillId],
  difficulty: (i % 3) - 1,
  correct: i % 3 !== 0,
  hinted: i % 5 === 0,
  graded: true,
  ended: i % 5 === 4,
}));
let model: LearnerModel = newLearner('8-10');
for (const a of answers) model = updateLearner(model, a);

const UPDATES = 200_000;
for (let i = 0; i < 20_000; i++) updateLearner(model, answers[i % 1000] as ModelAnswer); // warm-up
let sink = model;
const updateMs = time(() => {
  for (let i = 0; i < UPDATES; i++) sink = updateLearner(model, answers[i % 1000] as ModelAnswer);
});
if (sink.band !== '8-10') throw new Error('unreachable');
console.log(`model update: ${((updateMs * 1000) / UPDATES).toFixed(2)} µs`);

// Play the sample activities along their solution paths, over and over.
const { catalogue, errors } = await loadCatalogue('content');
if (errors.length > 0) throw new Error('content has errors: run npm run content:check');
const runs = [...catalogue.activities.values()].map((activity) => {
  const path: Answer[] = [];
  let state: PlayState = startActivity(activity);
  for (let guard = 0; state.scene !== null && guard < 50; guard++) {
    const i = activity.scenes[state.scene]?.interaction;
    const answer = (i?.type === 'continue' ? { type: 'continue' } : i?.solution?.answer) as
      Answer | undefined;
    if (answer === undefined) break;
    const r = play(activity, state, answer);
    if (!r.ok) break;
    path.push(answer);
    state = r.state;
  }
  return { activity, path };
});
const ROUNDS = 20_000;
let steps = 0;
const playMs = time(() => {
  for (let n = 0; n < ROUNDS; n++) {
    for (const { activity, path } of runs) {
      let state = startActivity(activity);
      for (const answer of path) {
        const r = play(activity, state, answer);
        if (r.ok) state = r.state;
        steps++;
      }
    }
  }
});
console.log(`play steps/s: ${Math.round(steps / (playMs / 1000))}`);

const checkStart = performance.now();
await loadCatalogue('content');
const checkMs = performance.now() - checkStart;
console.log(
  `content check: ${checkMs.toFixed(1)} ms for ${catalogue.activities.size} activities, reading files included`,
);

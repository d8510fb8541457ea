import { describe, expect, it } from 'vitest';
import type { ActivityId, ContentId, EventId } from '../ids';
import { catalogue, topic, twoSceneActivity } from '../testing/builders';
import { event } from '../testing/events';
import type { Course, CourseModule } from '../types/course';
import {
  courseProgress,
  emptyCourseRecord,
  finishedActivities,
  recordCheck,
  recordStep,
  resumeCourse,
} from './course';
import type { CourseRecord } from './course';
import { summarize } from './summary';

const tx = (id: string) => ({ id: id as ContentId, text: id });
const mod = (id: string, activities: string[]): CourseModule => ({
  id,
  title: tx(`${id}.title`),
  story: [tx(`${id}.story`)],
  activities: activities as ActivityId[],
  check: {
    question: tx(`${id}.q`),
    choices: [
      { id: 'right', text: tx(`${id}.r`), correct: true, feedback: tx(`${id}.rf`) },
      { id: 'wrong', text: tx(`${id}.w`), correct: false, feedback: tx(`${id}.wf`) },
    ],
  },
  help: tx(`${id}.help`),
});
const course: Course = {
  id: 'test',
  band: '8-10',
  title: tx('t'),
  summary: tx('s'),
  modules: [mod('m1', ['a1', 'a2']), mod('m2', ['a3', 'a4'])],
};
const right = course.modules[0]!.check.choices[0]!;
const wrong = course.modules[0]!.check.choices[1]!;
const set = (...ids: string[]) => new Set(ids as ActivityId[]);
const start = emptyCourseRecord('test');

describe('course progress', () => {
  it('starts with the first module story', () => {
    const p = courseProgress(course, start, set());
    expect(p.next).toEqual({ module: 'm1', kind: 'intro' });
    expect(p.current).toBe('m1');
    expect(p.done).toBe(0);
    expect(p.complete).toBe(false);
  });

  it('goes story, first unfinished activity, check, then the next module', () => {
    let r: CourseRecord = recordStep(start, { module: 'm1', kind: 'intro' });
    expect(courseProgress(course, r, set()).next).toEqual({
      module: 'm1',
      kind: 'activity',
      activity: 'a1',
    });
    expect(courseProgress(course, r, set('a1')).next).toMatchObject({ activity: 'a2' });
    // An activity finished out of order is skipped.
    expect(courseProgress(course, r, set('a2')).next).toMatchObject({ activity: 'a1' });
    expect(courseProgress(course, r, set('a1', 'a2')).next).toEqual({
      module: 'm1',
      kind: 'check',
    });
    // A wrong answer does not count; a right one does.
    expect(recordCheck(r, 'm1', wrong)).toBe(r);
    r = recordCheck(r, 'm1', right);
    const p = courseProgress(course, r, set('a1', 'a2'));
    expect(p.modules[0]!.done).toBe(true);
    expect(p.done).toBe(1);
    expect(p.next).toEqual({ module: 'm2', kind: 'intro' });
    expect(p.current).toBe('m2');
  });

  it('a check answered right before the activities are finished does not finish the module', () => {
    const r = recordCheck(start, 'm1', right);
    const p = courseProgress(course, r, set('a1'));
    expect(p.modules[0]!.done).toBe(false);
    expect(p.modules[0]!.checkDone).toBe(true);
  });

  it('is complete, with the certificate next, when every module is done', () => {
    let r = recordStep(start, { module: 'm1', kind: 'intro' });
    r = recordStep(r, { module: 'm2', kind: 'intro' });
    r = recordCheck(recordCheck(r, 'm1', right), 'm2', right);
    const p = courseProgress(course, r, set('a1', 'a2', 'a3', 'a4'));
    expect(p.complete).toBe(true);
    expect(p.next).toEqual({ kind: 'certificate' });
    expect(p.current).toBeNull();
  });

  it('reads finished activities from the progress events (an end reached)', () => {
    const cat = catalogue([topic('scams', ['spot-phishing-links'])], [twoSceneActivity()]);
    const events = [
      event({ id: 'e1' as EventId, seq: 1, activity: 'test-activity' as ActivityId }),
      event({ id: 'e2' as EventId, seq: 2, activity: 'other' as ActivityId }),
      event({ id: 'e3' as EventId, seq: 3, activity: 'test-activity' as ActivityId, ended: true }),
    ];
    expect([...finishedActivities(summarize(events, cat, '8-10').learner)]).toEqual([
      'test-activity',
    ]);
    expect([...finishedActivities(summarize(events.slice(0, 2), cat, '8-10').learner)]).toEqual([]);
  });
});

describe('resuming a course', () => {
  it('returns to the activity the child left in the middle, even out of course order', () => {
    const r = recordStep(start, { module: 'm1', kind: 'activity', activity: 'a2' as ActivityId });
    expect(resumeCourse(course, r, set())).toEqual({
      module: 'm1',
      kind: 'activity',
      activity: 'a2',
    });
  });

  it('moves on from a step that is done since', () => {
    const at = { module: 'm1', kind: 'activity', activity: 'a1' as ActivityId } as const;
    const r = recordStep(start, at);
    expect(resumeCourse(course, r, set('a1'))).toMatchObject({ activity: 'a2' });
    const checked = recordCheck(recordStep(r, { module: 'm1', kind: 'check' }), 'm1', right);
    expect(resumeCourse(course, checked, set('a1', 'a2'))).toEqual({
      module: 'm2',
      kind: 'intro',
    });
  });

  it('ignores a saved step the content no longer has', () => {
    const r: CourseRecord = { ...start, at: { module: 'gone', kind: 'intro' } };
    expect(resumeCourse(course, r, set())).toEqual({ module: 'm1', kind: 'intro' });
    const r2: CourseRecord = {
      ...start,
      at: { module: 'm1', kind: 'activity', activity: 'removed' as ActivityId },
    };
    expect(resumeCourse(course, r2, set())).toEqual({ module: 'm1', kind: 'intro' });
  });

  it('records each story seen once', () => {
    const r = recordStep(recordStep(start, { module: 'm1', kind: 'intro' }), {
      module: 'm1',
      kind: 'check',
    });
    expect(r.intros).toEqual(['m1']);
    expect(r.at).toEqual({ module: 'm1', kind: 'check' });
  });
});

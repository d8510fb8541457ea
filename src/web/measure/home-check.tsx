import { useEffect, useState } from 'preact/hooks';
import type { Profile } from '../store/profiles';
import { homeCheck } from './due';
import type { DueCheck } from './due';
import { QuickCheck } from './quick-check';

/**
 * Home's quick check (docs/measurement.md), for a learner with an account: the first check due
 * after learning among the topics home lists, a post-check the child has not answered yet or a
 * transfer check a week or more after the post-check, as a card; none while nothing is due.
 * Once answered or declined, the card goes and the focus returns to home's heading.
 */
export function HomeCheck({ profile, topics }: { profile: Profile; topics: readonly string[] }) {
  const [due, setDue] = useState<DueCheck | null>(null);
  const key = topics.join(' ');
  useEffect(() => {
    let live = true;
    homeCheck(profile, topics).then(
      (found) => live && setDue(found),
      () => live && setDue(null),
    );
    return () => {
      live = false;
    };
  }, [profile.id, key]);
  if (!due) return null;
  const done = () => {
    setDue(null);
    // The card and its focused button go: the keyboard's focus returns to home's heading.
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading?.focus();
  };
  return (
    <QuickCheck key={`${due.bank.topic}:${due.use}`} due={due} profile={profile} onDone={done} />
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Activity } from '../../engine';
import { effectiveBand } from '../store/profiles';
import type { Profile } from '../store/profiles';
import { postCheck } from './due';
import type { DueCheck } from './due';
import { QuickCheck } from './quick-check';

/**
 * Under the ending of an activity of the learner's band: the post-check as a card, once every
 * activity of its topic in the band has been played to an end; nothing otherwise, and nothing
 * after a sensitive activity, whose ending stays calm (home offers the check later). When it is
 * answered or declined the card goes and the focus returns to the ending.
 */
export function EndCheck({ profile, activity }: { profile: Profile; activity: Activity }) {
  const [due, setDue] = useState<DueCheck | null>(null);
  const topic =
    !activity.sensitive && activity.band === effectiveBand(profile) ? activity.topic : null;
  useEffect(() => {
    setDue(null);
    if (!topic) return;
    let live = true;
    postCheck(profile, topic).then(
      (found) => live && setDue(found),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [profile.id, topic]);
  if (!due) return null;
  return (
    <QuickCheck
      due={due}
      profile={profile}
      onDone={() => {
        setDue(null);
        document.getElementById('ending-title')?.focus();
      }}
    />
  );
}

import { useEffect, useState } from 'preact/hooks';
import { get } from '../store/idb';
import type { Profile } from '../store/profiles';
import type { ChildMe } from './api';

/**
 * The activities a class profile's teacher assigned, from the last copy of GET /api/child/me
 * that sync kept (`me:<learner>` in `meta`): ids only, never a date. Empty for other profiles.
 */
export function useAssignments(profile: Profile | null): readonly string[] {
  const [ids, setIds] = useState<readonly string[]>([]);
  useEffect(() => {
    if (!profile?.account) return setIds([]);
    let live = true;
    void get<ChildMe>('meta', `me:${profile.id}`).then((me) => {
      if (live) setIds(me?.assignments.map((a) => a.activity) ?? []);
    });
    return () => void (live = false);
  }, [profile]);
  return ids;
}

import { saveProfile, setCurrentProfileId } from '../store/profiles';
import type { Profile } from '../store/profiles';
import type { ChildLearner } from './api';

/**
 * What a profile keeps of its server account: the device credential, the learner's epoch
 * (docs/classes.md, erasure) and the sync cursor (null before the first sync).
 */
export interface ProfileAccount {
  readonly token: string;
  readonly epoch: number;
  readonly since: string | null;
}

export type AccountProfile = Profile & { readonly account: ProfileAccount };

/**
 * This device becomes the child's: a profile with the server learner's id, picture, band and
 * language, and its device credential, chosen as the current profile (the child's side syncs
 * it). Nothing else of the parent's account stays with it.
 */
export async function keepOnThisDevice(
  learner: ChildLearner,
  token: string,
  now: number,
): Promise<AccountProfile> {
  const profile: AccountProfile = {
    id: learner.id,
    avatar: learner.avatar,
    band: learner.band,
    lang: learner.lang,
    createdAt: now,
    account: { token, epoch: learner.epoch, since: null },
  };
  await saveProfile(profile);
  await setCurrentProfileId(profile.id);
  return profile;
}

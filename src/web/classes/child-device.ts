import { saveProfile, setCurrentProfileId } from '../store/profiles';
import type { ClassAccount, Profile } from '../store/profiles';
import type { ChildLearner } from './api';

export type AccountProfile = Profile & { readonly account: ClassAccount };

/**
 * This device becomes the child's: a profile with the server learner's id, picture, band and
 * language, and its device credential (the same `account` a class child's sign-in keeps, so
 * the child's side syncs it), chosen as the current profile. Nothing else of the parent's
 * account stays with it.
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
    account: { token, nickname: learner.nickname, epoch: learner.epoch, since: null },
  };
  await saveProfile(profile);
  await setCurrentProfileId(profile.id);
  return profile;
}

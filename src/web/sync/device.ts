import { childApi } from '../class-child/api';
import { saveAccount } from '../class-child/account';
import { eraseLearner } from '../store/erase';
import type { Profile } from '../store/profiles';
import { onRefusal } from './sync';

/**
 * "Erase my progress" of a class profile: erased on the server first (DELETE
 * /api/child/me/progress: every device's events, epoch + 1), then here. Offline it refuses and
 * erases nothing: erasing only here would let the server send the progress back.
 */
export async function eraseEverywhere(
  profile: Profile,
): Promise<'erased' | 'offline' | 'forgotten' | 'failed'> {
  if (!profile.account || profile.account.signedOut) return 'failed';
  const res = await childApi<{ epoch: number }>('DELETE', '/api/child/me/progress', {
    token: profile.account.token,
  });
  if (!res.ok) {
    const end = await onRefusal(profile.id, res.code, res.status);
    return end === 'offline' || end === 'forgotten' ? end : 'failed';
  }
  await eraseLearner(profile.id, { keepProfile: true });
  await saveAccount(profile.id, { epoch: res.body.epoch, since: null });
  return 'erased';
}

/**
 * "Not you?": signs this device out of the class profile (DELETE /api/child/device) and removes
 * the profile and everything of it from this device. Offline the device forgets its credential
 * all the same: the teacher can revoke the device from the class page.
 */
export async function forgetClassProfile(profile: Profile): Promise<void> {
  if (profile.account && !profile.account.signedOut)
    await childApi('DELETE', '/api/child/device', { token: profile.account.token });
  await eraseLearner(profile.id);
}

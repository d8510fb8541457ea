import type { Band } from '../../engine';
import { get, getAll, put } from './idb';
import { eraseLearner } from './erase';
import { newLocalId } from './ids';

/** One child on this device. No name, no photo, no birthday: a picture and a band. */
export interface Profile {
  readonly id: string;
  readonly avatar: string;
  /** `null` when the child was not sure: the youngest band's settings apply. */
  readonly band: Band | null;
  readonly lang: string;
  /** Optional picture lock: three avatar ids in order. Keeps siblings apart, not a secret. */
  readonly lock?: readonly string[];
  readonly readAloudAuto?: boolean;
  readonly createdAt: number;
  /** A class-linked profile: its id is the server's learner id (docs/classes.md). */
  readonly account?: ClassAccount;
}

/** The device credential of a child signed in with their class, and where sync stands. */
export interface ClassAccount {
  /** The device token (`Authorization: Bearer …`); only its hash is on the server. */
  readonly token: string;
  readonly nickname: string;
  /** The learner's epoch this device knows (a newer one means progress was erased). */
  readonly epoch: number;
  /** The cursor of the last sync answer; null before the first. */
  readonly since: string | null;
  /** The teacher signed this device out (401 device_signed_out): it plays on, unsynced. */
  readonly signedOut?: boolean;
}

/** The band whose activities and settings apply to a profile. */
export const effectiveBand = (p: Profile): Band => p.band ?? '5-7';

export async function listProfiles(): Promise<Profile[]> {
  const all = await getAll<Profile>('profiles');
  return all.sort((a, b) => a.createdAt - b.createdAt);
}

export async function createProfile(p: Omit<Profile, 'id' | 'createdAt'>): Promise<Profile> {
  const profile: Profile = { ...p, id: newLocalId(), createdAt: Date.now() };
  await put('profiles', profile);
  await setCurrentProfileId(profile.id);
  return profile;
}

export async function saveProfile(p: Profile): Promise<void> {
  await put('profiles', p);
}

/** Removes a profile and everything of it on this device (see {@link eraseLearner}). */
export async function deleteProfile(id: string): Promise<void> {
  await eraseLearner(id);
}

/** Erases a profile's progress on this device; the profile stays and starts afresh. */
export async function eraseProgress(id: string): Promise<void> {
  await eraseLearner(id, { keepProfile: true });
}

export const getCurrentProfileId = () => get<string>('meta', 'currentProfile');
export const setCurrentProfileId = (id: string) => put('meta', id, 'currentProfile');

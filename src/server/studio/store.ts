import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { AudioManifest, Speaker } from '../../content/audio';
import { formatAudioManifest, readAudioManifest } from '../../content/audio-manifest';

/**
 * The studio's writes into a content folder: recordings at
 * `packs/<pack>/audio/<lang>/<content-id>.ogg` and their manifest beside them. Every file is
 * written to a temporary name in the same folder and renamed over the old one, so a reader sees
 * the old file or the new one, never half of one. Writes to one manifest run one after another
 * in this process (the studio is meant for one Kite process writing a content folder).
 */
export class RecordingStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  /** The audio folder of a pack and language; refuses anything that would leave it. */
  folder(pack: string, lang: string): string {
    const packs = resolve(this.root, 'packs');
    const dir = resolve(packs, pack, 'audio', lang);
    if (!dir.startsWith(packs + sep) || !/^[a-z0-9-]+$/.test(pack) || !/^[a-zA-Z0-9-]+$/.test(lang))
      throw new Error(`not a pack's audio folder: ${pack}/${lang}`);
    return dir;
  }

  /** The file of one recording, inside {@link folder}. */
  file(pack: string, lang: string, id: string): string {
    const dir = this.folder(pack, lang);
    const file = resolve(dir, `${id}.ogg`);
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(id) || !file.startsWith(dir + sep))
      throw new Error(`not a recording's name: ${id}`);
    return file;
  }

  manifest(pack: string, lang: string): AudioManifest | null {
    return readAudioManifest(join(this.folder(pack, lang), 'manifest.json'));
  }

  /** Whether this process may write recordings into the content folder's packs. */
  async writable(): Promise<boolean> {
    try {
      await access(join(this.root, 'packs'), constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** Adds a speaker with their consent (given today) and licence; returns their new id. */
  addSpeaker(pack: string, lang: string, consent: Omit<Speaker, 'id'>): Promise<string> {
    return this.change(pack, lang, async (m) => {
      const id = `spk-${randomBytes(5).toString('hex').slice(0, 8)}`;
      return {
        manifest: { ...m, speakers: [...(m.speakers ?? []), { id, ...consent }] },
        result: id,
      };
    });
  }

  /**
   * Stores a recording and its manifest entry, if `check` (run under the manifest's lock, on
   * the manifest as it is) allows it. The audio file is in place before the manifest names it.
   */
  saveRecording(
    pack: string,
    lang: string,
    id: string,
    bytes: Uint8Array,
    entry: { hash: string; speaker: string },
    check: (m: AudioManifest) => void,
  ): Promise<void> {
    return this.change(pack, lang, async (m) => {
      check(m);
      const file = this.file(pack, lang, id);
      await writeAtomically(file, bytes);
      const size = (await stat(file)).size;
      return {
        manifest: {
          ...m,
          recordings: {
            ...m.recordings,
            [id]: { hash: entry.hash, by: 'person', bytes: size, speaker: entry.speaker },
          },
        },
        result: undefined,
      };
    });
  }

  private change<T>(
    pack: string,
    lang: string,
    edit: (m: AudioManifest) => Promise<{ manifest: AudioManifest; result: T }>,
  ): Promise<T> {
    const dir = this.folder(pack, lang);
    const before = this.queues.get(dir) ?? Promise.resolve();
    const run = before.then(async () => {
      await mkdir(dir, { recursive: true });
      const file = join(dir, 'manifest.json');
      const current = readAudioManifest(file) ?? { recordings: {} };
      const { manifest, result } = await edit(current);
      await writeAtomically(file, Buffer.from(formatAudioManifest(manifest)));
      return result;
    });
    const settled = run.catch(() => {});
    this.queues.set(dir, settled);
    void settled.then(() => {
      if (this.queues.get(dir) === settled) this.queues.delete(dir);
    });
    return run;
  }
}

/** Writes `file` through a temporary file in its folder and a rename. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

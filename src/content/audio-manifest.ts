import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AudioManifest } from './audio';

/** A speaker's id in a manifest: `spk-` and random letters and digits, never a name. */
export const SPEAKER_ID = /^spk-[a-z0-9]{8}$/;

/** The recordings' manifest (`packs/<pack>/audio/<lang>/manifest.json`) as stored. */
export const AudioManifestSchema = z.strictObject({
  voice: z.string().optional(),
  speakers: z
    .array(
      z.strictObject({
        id: z.string().regex(SPEAKER_ID),
        consent: z.strictObject({
          given: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          statement: z.string().min(1),
        }),
        licence: z.string().min(1),
      }),
    )
    .optional(),
  recordings: z.record(
    z.string(),
    z.strictObject({
      hash: z.string(),
      by: z.enum(['voice', 'person']),
      bytes: z.number().int(),
      speaker: z.string().regex(SPEAKER_ID).optional(),
    }),
  ),
});

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/**
 * Reads a manifest, or `null` when there is none yet. A file that is not a manifest throws a
 * {@link ManifestError} naming the file and the path inside it.
 */
export function readAudioManifest(file: string): AudioManifest | null {
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ManifestError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = AudioManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestError(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** A manifest as written: its keys in a fixed order, recordings sorted by id, a final newline. */
export function formatAudioManifest(m: AudioManifest): string {
  const recordings = Object.fromEntries(
    Object.entries(m.recordings).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const out: Record<string, unknown> = {};
  if (m.voice !== undefined) out.voice = m.voice;
  if (m.speakers !== undefined && m.speakers.length > 0) out.speakers = m.speakers;
  out.recordings = recordings;
  return `${JSON.stringify(out, null, 2)}\n`;
}

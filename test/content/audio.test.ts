import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import { audioStatus, spokenTexts, textsToRecord } from '../../src/content/audio';
import type { AudioManifest } from '../../src/content/audio';
import type { Activity } from '../../src/engine';

// The committed English recordings of the core 5–7 activities say the current texts (CI needs
// no speech tool: a changed text shows up here as stale until `npm run audio:render` runs).
const DIR = 'content/packs/core/audio/en';

describe('recordings of the core 5–7 activities', async () => {
  const { catalogue } = await shippedContent();
  const texts = textsToRecord(catalogue, 'core', '5-7', 'en');
  const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as AudioManifest;

  it('has a current recording of every text a child hears', () => {
    const status = audioStatus(texts, manifest);
    expect(status.missing.map((t) => t.id)).toEqual([]);
    expect(status.stale.map((t) => t.id)).toEqual([]);
    expect(texts.length).toBeGreaterThan(300);
    for (const t of texts) expect(existsSync(`${DIR}/${t.id}.ogg`)).toBe(true);
  });

  it('records answers, feedback and hints, but no alt text, adult prompt or placeholder', () => {
    const a = catalogue.activities.get('contact-5-7-identify' as never) as Activity;
    const ids = spokenTexts(JSON.parse(JSON.stringify(a)) as Activity).map((t) => t.id);
    expect(ids).toContain('contact-5-7-identify.title');
    expect(ids.some((id) => id.endsWith('.alt'))).toBe(false);
    expect(ids.some((id) => id.includes('play-together'))).toBe(false);
    const hello = a.scenes['hello' as never]!.interaction;
    if (hello.type !== 'choice') throw new Error('hello is a choice');
    for (const o of hello.args.options) expect(ids).toContain(o.text.id);
    const feedback = hello.answerGroups.map((g) => g.outcome.feedback?.id).filter(Boolean);
    expect(feedback.length).toBeGreaterThan(0);
    for (const f of feedback) expect(ids).toContain(f);
    for (const t of spokenTexts(JSON.parse(JSON.stringify(a)) as Activity))
      expect(t.text).not.toContain('{');
  });
});

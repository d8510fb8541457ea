// The recording studio (issue 15) on both databases: who may use it (the page and the API),
// the microphone allowed on the studio's page only, consent before the first recording, an
// approved take stored as Ogg Opus with its manifest entry, bad uploads refused with stable
// codes and nothing written, and a recording marked stale when its text changes (as
// `audio:render --check` reports it). Each suite records into its own copy of the Khmer fixture.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadCatalogue } from '../../src/content/catalogue';
import { SPEAKER_ID } from '../../src/content/audio-manifest';
import { sourceHash } from '../../src/engine';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { readOggOpus } from '../../src/server/studio/ogg-opus';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { People } from '../helpers/people';
import { createTestApp } from '../helpers/test-app';

const T0 = Date.UTC(2027, 4, 20, 9, 0, 0);
const TODAY = '2027-05-20';
const TONE = readFileSync('test/fixtures/studio/tone.webm').toString('base64');
const PLACE = { pack: 'khmer', band: '8-10', lang: 'km' } as const;
const TITLE = 'km-strong-password.title';

interface TextRow {
  id: string;
  text: string;
  hash: string;
  state: string;
}

/** A copy of the Khmer fixture to record into, and a built-looking web folder with the studio. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'kite-studio-'));
  const content = join(root, 'content');
  cpSync('test/fixtures/khmer', content, { recursive: true });
  const web = join(root, 'web');
  mkdirSync(join(web, 'studio'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Kite</title><div id="app"></div>');
  writeFileSync(
    join(web, 'studio', 'index.html'),
    '<!doctype html><title>Recording studio</title><div id="studio"></div>',
  );
  return { root, content, web, audio: join(content, 'packs', 'khmer', 'audio', 'km') };
}

/** Everything under the audio folder, with contents: "nothing written" compares two of these. */
function audioState(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f)).toString('base64')]),
  );
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: the recording studio`, async () => {
    const enabled = await dialect.available();
    const clock = { now: T0 };
    const ws = workspace();
    let testDb: TestDb;
    let app: FastifyInstance;
    let people: People;
    let coordinator: AccountClient;
    let admin: AccountClient;
    const others = new Map<string, AccountClient>();
    let speaker = '';
    let texts: TextRow[] = [];

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      const mail = outbox();
      const { catalogue, errors } = await loadCatalogue(ws.content);
      expect(errors).toEqual([]);
      app = (
        await createTestApp(testDb, {
          now: () => clock.now,
          catalogue,
          webDir: ws.web,
          studio: { dir: ws.content },
          accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
        })
      ).app;
      people = new People(app, mail, clock);
      await people.bootstrap();
      coordinator = await people.coordinator();
      admin = await people.admin();
      for (const role of ['teacher', 'parent', 'company'] as const)
        others.set(role, (await people.make(role)).client);
    });

    afterAll(async () => {
      await app?.close();
      await testDb?.dispose();
      rmSync(ws.root, { recursive: true, force: true });
    });

    const save = (client: AccountClient, body: Record<string, unknown>, headers = {}) =>
      client.request(
        'POST',
        '/api/studio/recordings',
        { ...PLACE, id: TITLE, speaker, type: 'audio/webm', audio: TONE, ...body },
        headers,
      );

    it.skipIf(!enabled)('is for admins and coordinators; others are refused in words', async () => {
      for (const c of [coordinator, admin]) {
        const res = await c.get('/api/studio/overview?lang=km');
        expect(res.statusCode, res.body).toBe(200);
      }
      for (const [role, c] of others) {
        const res = await c.get('/api/studio/overview?lang=km');
        expect(res.statusCode, role).toBe(403);
        expect(res.json().error).toEqual({
          code: 'forbidden',
          message: 'Your account may not do this',
        });
      }
      const anonymous = people.client();
      const res = await anonymous.get('/api/studio/overview?lang=km');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    });

    it.skipIf(!enabled)(
      'serves its page to them with the microphone allowed, and only there',
      async () => {
        const page = await coordinator.get('/studio/');
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('<div id="studio">');
        const policy = String(page.headers['permissions-policy']).split(', ');
        expect(policy).toContain('microphone=(self)');
        expect(policy).not.toContain('microphone=()');
        expect(policy).toContain('camera=()');
        expect(page.headers['cache-control']).toBe('no-store');
        expect(page.headers['content-security-policy']).toContain("media-src 'self' blob:");

        // Signed out: to sign-in, and back here afterwards.
        const out = await people.client().get('/studio/');
        expect(out.statusCode).toBe(303);
        expect(out.headers.location).toBe('/account/signin?next=%2Fstudio%2F');
        // Another role: the page, with 403 and no microphone (it says why in words).
        const teacher = await others.get('teacher')!.get('/studio/');
        expect(teacher.statusCode).toBe(403);
        expect(String(teacher.headers['permissions-policy'])).toContain('microphone=()');
        expect(String(teacher.headers['permissions-policy'])).not.toContain('microphone=(self)');
        // Never as a plain file of the web app.
        const file = await coordinator.get('/studio/index.html');
        expect(file.statusCode).toBe(404);
        expect((await coordinator.get('/studio')).headers.location).toBe('/studio/');

        // Every other document keeps the microphone denied.
        for (const url of ['/', '/account/signin', '/nope']) {
          const res = await coordinator.get(url);
          const p = String(res.headers['permissions-policy']).split(', ');
          expect(p, url).toContain('microphone=()');
          expect(p, url).not.toContain('microphone=(self)');
        }
        // An API answer is no document: nothing may run in it, so it has no feature to allow.
        for (const url of ['/api/health', '/api/studio/overview?lang=km']) {
          const res = await coordinator.get(url);
          expect(res.headers['permissions-policy'], url).toBeUndefined();
          expect(res.headers['content-security-policy'], url).toBe(
            "default-src 'none'; frame-ancestors 'none'",
          );
        }
      },
    );

    it.skipIf(!enabled)(
      'lists the translated texts a child hears, and what lacks a voice',
      async () => {
        const overview = await coordinator.get('/api/studio/overview?lang=km');
        const body = overview.json();
        expect(body.writable).toBe(true);
        expect(body.languages).toEqual(['en', 'km']);
        expect(body.rows).toHaveLength(1);
        const row = body.rows[0];
        expect(row).toMatchObject({ pack: 'khmer', band: '8-10', recorded: 0, stale: 0 });
        expect(row.missing).toBe(row.total);
        // "123456" has no Khmer translation: it waits for one rather than being read in English.
        expect(row.untranslated).toBeGreaterThan(0);

        const res = await coordinator.get('/api/studio/texts?pack=khmer&band=8-10&lang=km');
        expect(res.statusCode, res.body).toBe(200);
        texts = res.json().texts;
        expect(texts).toHaveLength(row.total);
        const title = texts.find((t) => t.id === TITLE)!;
        expect(title.text).toBe('ពាក្យសម្ងាត់ខ្លាំង');
        expect(title.hash).toBe(sourceHash(title.text));
        expect(title.state).toBe('missing');
        // Prompts for adults are not spoken to the child, so not recorded.
        expect(texts.map((t) => t.id)).not.toContain('km-strong-password.pick.play-together');
      },
    );

    it.skipIf(!enabled)(
      'takes consent before the first recording, with its day and licence',
      async () => {
        const before = audioState(ws.audio);
        // A recording before any consent is refused.
        speaker = 'spk-00000000';
        const early = await save(coordinator, {});
        expect(early.statusCode).toBe(403);
        expect(early.json().error.code).toBe('consent_required');
        const noCsrf = await coordinator.request(
          'POST',
          '/api/studio/consent',
          { pack: 'khmer', lang: 'km', agree: true },
          { 'x-csrf-token': 'nope' },
        );
        expect(noCsrf.statusCode).toBe(403);
        expect(noCsrf.json().error.code).toBe('csrf_rejected');
        const unticked = await coordinator.post('/api/studio/consent', {
          pack: 'khmer',
          lang: 'km',
          agree: false,
        });
        expect(unticked.statusCode).toBe(400);
        expect(unticked.json().error.code).toBe('consent_required');
        const teacher = await others
          .get('teacher')!
          .post('/api/studio/consent', { pack: 'khmer', lang: 'km', agree: true });
        expect(teacher.statusCode).toBe(403);
        expect(audioState(ws.audio)).toEqual(before);

        const res = await coordinator.post('/api/studio/consent', {
          pack: 'khmer',
          lang: 'km',
          agree: true,
        });
        expect(res.statusCode, res.body).toBe(201);
        speaker = res.json().speaker;
        expect(speaker).toMatch(SPEAKER_ID);
        expect(res.json()).toEqual({ speaker, given: TODAY, licence: 'CC-BY-4.0' });
        const manifest = JSON.parse(readFileSync(join(ws.audio, 'manifest.json'), 'utf8'));
        expect(manifest).toEqual({
          speakers: [
            {
              id: speaker,
              consent: { given: TODAY, statement: 'studio-consent-1' },
              licence: 'CC-BY-4.0',
            },
          ],
          recordings: {},
        });
      },
    );

    it.skipIf(!enabled)('refuses bad uploads with stable codes and writes nothing', async () => {
      const before = audioState(ws.audio);
      const refused = async (
        client: AccountClient,
        body: Record<string, unknown>,
        status: number,
        code: string,
        headers = {},
      ) => {
        const res = await save(client, body, headers);
        expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
        expect(res.json().error.code).toBe(code);
        expect(audioState(ws.audio)).toEqual(before);
      };
      await refused(coordinator, {}, 403, 'csrf_rejected', { 'x-csrf-token': 'forged' });
      await refused(others.get('teacher')!, {}, 403, 'forbidden');
      await refused(others.get('company')!, {}, 403, 'forbidden');
      // Not a text a child hears in this band and language, or not a content id at all.
      await refused(
        coordinator,
        { id: 'km-strong-password.pick.play-together' },
        400,
        'not_a_spoken_text',
      );
      await refused(
        coordinator,
        { id: 'km-strong-password.pick.digits' },
        400,
        'not_a_spoken_text',
      );
      await refused(coordinator, { id: '../../../../etc/passwd' }, 400, 'not_a_spoken_text');
      await refused(coordinator, { band: '5-7' }, 400, 'not_a_spoken_text');
      await refused(coordinator, { pack: 'core' }, 404, 'not_found');
      await refused(coordinator, { lang: 'fr' }, 404, 'unsupported_language');
      await refused(coordinator, { speaker: 'spk-12345678' }, 403, 'consent_required');
      await refused(coordinator, { speaker: 'Sok Dara' }, 400, 'consent_required');
      // The bytes must be the audio the type names, whole, and not too large.
      await refused(coordinator, { type: 'audio/ogg' }, 400, 'recording_not_audio');
      await refused(coordinator, { type: 'video/mp4' }, 400, 'recording_not_audio');
      await refused(
        coordinator,
        { audio: Buffer.from('<svg onload=alert(1)>').toString('base64') },
        400,
        'recording_not_audio',
      );
      await refused(
        coordinator,
        { audio: Buffer.from(TONE, 'base64').subarray(0, 300).toString('base64') },
        400,
        'recording_unreadable',
      );
      await refused(coordinator, { audio: 'A'.repeat(1_400_000) }, 400, 'recording_too_large');
      await refused(coordinator, { audio: 'not base64!' }, 400, 'recording_too_large');
      await refused(coordinator, { extra: 1 }, 400, 'unknown_parameter');
    });

    it.skipIf(!enabled)(
      'stores an approved take as Ogg Opus under its content id, with its manifest entry',
      async () => {
        const res = await save(coordinator, {});
        expect(res.statusCode, res.body).toBe(201);
        const title = texts.find((t) => t.id === TITLE)!;
        const file = join(ws.audio, `${TITLE}.ogg`);
        const bytes = readFileSync(file);
        expect(res.json()).toEqual({
          id: TITLE,
          state: 'recorded',
          hash: title.hash,
          bytes: bytes.length,
        });
        expect(readOggOpus(new Uint8Array(bytes)).seconds).toBeCloseTo(1.2, 5);
        const manifest = JSON.parse(readFileSync(join(ws.audio, 'manifest.json'), 'utf8'));
        expect(manifest.recordings).toEqual({
          [TITLE]: { hash: title.hash, by: 'person', bytes: statSync(file).size, speaker },
        });
        // No temporary file left behind; the content still checks.
        expect(readdirSync(ws.audio).sort()).toEqual([`${TITLE}.ogg`, 'manifest.json']);
        expect((await loadCatalogue(ws.content)).errors).toEqual([]);

        const overview = (await admin.get('/api/studio/overview?lang=km')).json();
        expect(overview.rows[0]).toMatchObject({ recorded: 1, stale: 0 });
        expect(overview.rows[0].missing).toBe(overview.rows[0].total - 1);
      },
    );

    it.skipIf(!enabled)(
      'marks a recording stale when its text changes, as audio:render --check does',
      async () => {
        // The translator rewrites the Khmer title: its recording no longer says it.
        const locale = join(ws.content, 'locales', 'km', 'km-strong-password.json');
        const json = JSON.parse(readFileSync(locale, 'utf8'));
        json.strings[TITLE].text = 'ពាក្យសម្ងាត់ដ៏ខ្លាំង';
        writeFileSync(locale, JSON.stringify(json, null, 2));
        const { catalogue } = await loadCatalogue(ws.content);
        const again = await createTestApp(testDb, {
          now: () => clock.now,
          catalogue,
          studio: { dir: ws.content },
          accounts: { argon2: TEST_ARGON2 },
        });
        try {
          const c = await people.signIn(people.operators.coordinator);
          const fresh = new (c.constructor as typeof AccountClient)(again.app);
          for (const [k, v] of c.cookies) fresh.cookies.set(k, v);
          const res = await fresh.get('/api/studio/texts?pack=khmer&band=8-10&lang=km');
          expect(res.statusCode, res.body).toBe(200);
          const title = (res.json().texts as TextRow[]).find((t) => t.id === TITLE)!;
          expect(title.state).toBe('stale');
          expect(title.hash).toBe(sourceHash('ពាក្យសម្ងាត់ដ៏ខ្លាំង'));
        } finally {
          await again.close();
        }
        const check = spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            'scripts/audio-render.ts',
            '--dir',
            ws.content,
            '--check',
            '--pack',
            'khmer',
            '--band',
            '8-10',
            '--lang',
            'km',
          ],
          { encoding: 'utf8' },
        );
        expect(check.status).toBe(1);
        expect(check.stdout).toContain(`stale (recorded by a person): ${TITLE}:`);
      },
    );
  });
}

// A school with its agreement recorded and a class of children, made by a signed-in teacher
// through the HTTP API, as the class pages do. Throws on any unexpected answer, so tests and
// benches that need a class start from one line.
import type { LightMyRequestResponse } from 'fastify';
import type { AccountClient } from './account-client';

/** A child as the roster answer gives it: its id, nickname and three pictures. */
export interface RosterChild {
  readonly id: string;
  readonly nickname: string;
  readonly pictures: string[];
}

function expectStatus(res: LightMyRequestResponse, status: number, what: string): void {
  if (res.statusCode !== status)
    throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body.slice(0, 300)}`);
}

/** A school named `name`, with the head teacher's agreement to educational use (PRIV-16). */
export async function agreedSchool(teacher: AccountClient, name: string): Promise<string> {
  const school = await teacher.post('/api/schools', { name });
  expectStatus(school, 201, `school ${name}`);
  const schoolId = school.json().school.id as string;
  expectStatus(
    await teacher.request('PUT', `/api/schools/${schoolId}/agreement`, {
      agreedBy: 'Head teacher',
      noticeVersion: '2026-12',
    }),
    200,
    'agreement',
  );
  return schoolId;
}

/** A class of `schoolId` with children of these nicknames. */
export async function classWithChildren(
  teacher: AccountClient,
  schoolId: string,
  c: { name: string; band: string; nicknames: readonly string[]; lang?: string },
): Promise<{ classId: string; code: string; children: RosterChild[] }> {
  const made = await teacher.post('/api/classes', {
    schoolId,
    name: c.name,
    band: c.band,
    lang: c.lang ?? 'en',
  });
  expectStatus(made, 201, `class ${c.name}`);
  const { id: classId, code } = made.json().class as { id: string; code: string };
  const added = await teacher.post(`/api/classes/${classId}/children`, {
    nicknames: c.nicknames,
  });
  expectStatus(added, 201, 'children');
  return { classId, code, children: added.json().children as RosterChild[] };
}

import type {
  ActivityId,
  ChallengeId,
  CountryCode,
  GuideId,
  PackId,
  SkillId,
  TopicId,
} from '../ids';
import type { Activity } from '../types/activity';
import type {
  Challenge,
  Framework,
  Guide,
  Pack,
  Skill,
  SourceRef,
  Topic,
} from '../types/catalogue';
import type { CountryPack } from '../types/country';
import type { Course } from '../types/course';
import type { MeasureBank } from '../types/measurement';
import type { IndustryFramework } from '../industry/types';
import type { ParsedFile } from './files';
import type { IssueSink } from './issues';
import { bare, parseWith, Registry } from './parse';
import { activitySchema } from './schema/activity';
import { countrySchema, withStatuses } from './schema/country';
import { courseSchema } from './schema/course';
import { frameworkSchema } from './schema/framework';
import { industrySchema } from './schema/industry';
import { measurementSchema } from './schema/measurement';
import { challengeSchema, guideSchema, packSchema } from './schema/pack';
import { topicsSchema } from './schema/topics';

/** The entities that passed their schema, before cross-file checks. */
export interface Loaded {
  readonly topics: Map<TopicId, Topic>;
  readonly skills: Map<SkillId, Skill & { topic: TopicId }>;
  readonly countries: Map<CountryCode, CountryPack>;
  readonly packs: Map<PackId, Pack>;
  readonly guides: Map<GuideId, Guide>;
  readonly challenges: Map<ChallengeId, Challenge>;
  readonly activities: Map<ActivityId, Activity>;
  readonly frameworks: Map<string, Framework>;
  readonly courses: Map<string, Course>;
  /** Outcome-measurement item banks by id (= topic). */
  readonly measurement: Map<string, MeasureBank>;
  /** Industry self-assessment frameworks, keyed `<id>@v<version>`. */
  readonly industry: Map<string, IndustryFramework>;
  /** File of each activity, guide, challenge, course and item bank, keyed `<kind>:<id>`. */
  readonly sources: Map<string, SourceRef>;
}

function named(p: ParsedFile, kind: string, id: string, sink: IssueSink): boolean {
  const k = p.kind;
  const expected = k.kind === 'pack' ? k.pack : 'name' in k ? k.name : id;
  if (id === expected) return true;
  const what = k.kind === 'pack' ? `its folder "${expected}"` : `the file name "${expected}.json"`;
  sink.add(
    'file-name',
    p.file,
    k.kind === 'country' ? 'code' : 'id',
    `${kind} "${id}" must match ${what}`,
  );
  return false;
}

/** `file-name`: `industry/<id>/v<version>.json` holds framework `<id>` version `<version>`. */
function industryNamed(p: ParsedFile, id: string, version: number, sink: IssueSink): boolean {
  if (p.kind.kind !== 'industry') return false;
  let ok = true;
  if (id !== p.kind.name) {
    sink.add(
      'file-name',
      p.file,
      'id',
      `industry framework "${id}" must match its folder "${p.kind.name}"`,
    );
    ok = false;
  }
  if (version !== p.kind.version) {
    sink.add(
      'file-name',
      p.file,
      'version',
      `version ${version} must match the file name "v${p.kind.version}.json"`,
    );
    ok = false;
  }
  return ok;
}

/**
 * Validates each file against the schema of its kind and indexes what passes, reporting
 * `schema`, `file-name` and `duplicate-id` issues.
 */
export function loadEntities(parsed: readonly ParsedFile[], sink: IssueSink): Loaded {
  const reg = new Registry(sink);
  const out: Loaded = {
    topics: new Map(),
    skills: new Map(),
    countries: new Map(),
    packs: new Map(),
    guides: new Map(),
    challenges: new Map(),
    activities: new Map(),
    frameworks: new Map(),
    courses: new Map(),
    measurement: new Map(),
    industry: new Map(),
    sources: new Map(),
  };
  const source = (kind: string, id: string, p: ParsedFile) =>
    out.sources.set(`${kind}:${id}`, {
      file: p.file,
      ...('pack' in p.kind ? { pack: p.kind.pack as PackId } : {}),
    });

  for (const p of parsed) {
    switch (p.kind.kind) {
      case 'topics':
        parseWith(topicsSchema, p.json, p.file, sink)?.topics.forEach((t, i) => {
          reg.add(out.topics, 'topic', t.id, t, p.file, `topics[${i}].id`);
          t.skills.forEach((s, j) =>
            reg.add(
              out.skills,
              'skill',
              s.id,
              { ...s, topic: t.id },
              p.file,
              `topics[${i}].skills[${j}].id`,
            ),
          );
        });
        break;
      case 'country': {
        const d = parseWith(countrySchema, p.json, p.file, sink);
        if (d && named(p, 'country code', d.code, sink))
          reg.add(out.countries, 'country', d.code, withStatuses(bare(d)), p.file, 'code');
        break;
      }
      case 'framework': {
        const d = parseWith(frameworkSchema, p.json, p.file, sink);
        if (
          d &&
          named(p, 'framework id', d.id, sink) &&
          reg.add(out.frameworks, 'framework', d.id, bare(d), p.file, 'id')
        )
          source('framework', d.id, p);
        break;
      }
      case 'industry': {
        const d = parseWith(industrySchema, p.json, p.file, sink);
        if (d && industryNamed(p, d.id, d.version, sink)) {
          const key = `${d.id}@v${d.version}`;
          if (reg.add(out.industry, 'industry framework', key, bare(d), p.file, 'id'))
            source('industry', key, p);
        }
        break;
      }
      case 'pack': {
        const d = parseWith(packSchema, p.json, p.file, sink);
        if (d && named(p, 'pack id', d.id, sink))
          reg.add(out.packs, 'pack', d.id, bare(d), p.file, 'id');
        break;
      }
      case 'guide': {
        const d = parseWith(guideSchema, p.json, p.file, sink);
        if (
          d &&
          named(p, 'guide id', d.id, sink) &&
          reg.add(out.guides, 'guide', d.id, bare(d), p.file, 'id')
        )
          source('guide', d.id, p);
        break;
      }
      case 'challenge': {
        const d = parseWith(challengeSchema, p.json, p.file, sink);
        if (
          d &&
          named(p, 'challenge id', d.id, sink) &&
          reg.add(out.challenges, 'challenge', d.id, bare(d), p.file, 'id')
        ) {
          source('challenge', d.id, p);
        }
        break;
      }
      case 'activity': {
        const d = parseWith(activitySchema, p.json, p.file, sink);
        if (
          d &&
          named(p, 'activity id', d.id, sink) &&
          reg.add(out.activities, 'activity', d.id, bare(d), p.file, 'id')
        ) {
          source('activity', d.id, p);
        }
        break;
      }
      case 'course': {
        const d = parseWith(courseSchema, p.json, p.file, sink);
        if (
          d &&
          named(p, 'course id', d.id, sink) &&
          reg.add(out.courses, 'course', d.id, bare(d), p.file, 'id')
        )
          source('course', d.id, p);
        break;
      }
      case 'measurement': {
        const d = parseWith(measurementSchema, p.json, p.file, sink);
        if (
          d &&
          named(p, 'item bank id', d.id, sink) &&
          reg.add(out.measurement, 'item bank', d.id, bare(d), p.file, 'id')
        )
          source('measurement', d.id, p);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

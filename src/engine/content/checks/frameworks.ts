import type { Framework, FrameworkMapping } from '../../types/catalogue';
import type { IssueSink } from '../issues';
import type { Loaded } from '../load';

function checkMapping(
  mapping: FrameworkMapping | undefined,
  frameworks: ReadonlyMap<string, Framework>,
  file: string,
  at: string,
  sink: IssueSink,
): void {
  for (const [fw, strands] of Object.entries(mapping ?? {})) {
    const framework = frameworks.get(fw);
    if (framework === undefined) {
      sink.add(
        'unknown-ref',
        file,
        `${at}.${fw}`,
        `framework "${fw}" has no frameworks/${fw}.json`,
      );
      continue;
    }
    strands.forEach((s, i) => {
      if (!framework.strands.some((x) => x.id === s))
        sink.add(
          'unknown-ref',
          file,
          `${at}.${fw}[${i}]`,
          `framework "${fw}" has no strand "${s}"`,
        );
    });
  }
}

/** `unknown-ref`: every framework and strand a topic or an activity maps to exists. */
export function checkFrameworkRefs(loaded: Loaded, topicsFile: string, sink: IssueSink): void {
  [...loaded.topics.values()].forEach((t, i) =>
    checkMapping(t.frameworks, loaded.frameworks, topicsFile, `topics[${i}].frameworks`, sink),
  );
  for (const a of loaded.activities.values()) {
    const file = loaded.sources.get(`activity:${a.id}`)?.file ?? a.id;
    checkMapping(a.frameworks, loaded.frameworks, file, 'frameworks', sink);
  }
}

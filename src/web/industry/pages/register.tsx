import { useEffect, useState } from 'preact/hooks';
import { AccountPage } from '../../account/page';
import { at } from '../../account/strings';
import { language } from '../../i18n/i18n';
import { industryApi } from '../api';
import type { RegisterEntry } from '../api';
import { useIndustryStrings } from '../industry-page';
import { problemMessage } from '../problems';
import { PublicationPreview } from '../publication';
import { nt, when } from '../strings';

function Entries() {
  const [entries, setEntries] = useState<readonly RegisterEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    industryApi.register(language()).then(setEntries, (e) => setProblem(problemMessage(e)));
  }, []);
  if (problem) return <p class="notice">{problem}</p>;
  if (!entries) return <p>{nt('industry.common.loading')}</p>;
  if (entries.length === 0) return <p>{nt('industry.register.empty')}</p>;
  return (
    <ul class="register">
      {entries.map((e) => (
        <li key={e.id} class="card" aria-labelledby={`entry-${e.id}-name`}>
          <PublicationPreview
            content={e.content}
            idPrefix={`entry-${e.id}`}
            heading="h2"
            texts={{
              section: (id) => e.texts.sections[id] ?? id,
              question: (id) => e.texts.questions[id] ?? id,
            }}
          />
          <p class="field-hint">
            {nt('industry.register.published', {
              day: when(e.publishedAt),
              framework: e.texts.framework,
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * The public register (IND-19): the assessments a coordinator has published under their
 * companies' names, after each company had 15 days to read the entry or agreed. Anyone may read
 * it, signed in or not; only answers a company marked public are on it.
 */
export function RegisterPage() {
  const ready = useIndustryStrings();
  if (!ready) return <p class="page">{at('common.loading')}</p>;
  return (
    <AccountPage title={nt('industry.register.title')}>
      <div class="industry">
        <p>{nt('industry.register.intro')}</p>
        <Entries />
      </div>
    </AccountPage>
  );
}

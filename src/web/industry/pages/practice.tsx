import { useEffect, useMemo, useState } from 'preact/hooks';
import { scoreAssessment } from '../../../engine';
import type { IndustryAnswer, IndustryFramework, ServiceFeature } from '../../../engine';
import { AccountPage } from '../../account/page';
import { at } from '../../account/strings';
import { Link } from '../../components/link';
import { TranslationNote } from '../../components/translation-note';
import type { AnswerInput } from '../api';
import { resolvedFramework } from '../framework';
import { useIndustryStrings } from '../industry-page';
import { FeatureChoices } from '../feature-choices';
import type { FormAnswer } from '../question-card';
import { GapList, ScoreSummary, SectionTable } from '../score-view';
import { SectionsForm, useSections } from '../sections-form';
import { industryFramework } from '../../content/client';
import { language } from '../../i18n/i18n';
import { problemMessage } from '../problems';
import { nt } from '../strings';
import '../industry.css';

/**
 * The framework practice mode uses: the shipped version, read from the content bundle of the
 * page's language (a static file, translated by the build like the curriculum), so the page
 * works signed out and sends nothing to the server.
 */
const PRACTICE = { id: 'kite-cop-industry', version: 1 } as const;

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly framework: IndustryFramework };

/** The practice framework in the page's language (English where not translated). */
function usePracticeFramework(): Loaded {
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const lang = language();
  useEffect(() => {
    let live = true;
    industryFramework(lang, PRACTICE.id, PRACTICE.version).then(
      (framework) => live && setState({ kind: 'ready', framework }),
      (error: unknown) => live && setState({ kind: 'failed', message: problemMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [lang]);
  return state;
}

function Practice({ source }: { source: IndustryFramework }) {
  const framework = useMemo(
    () => resolvedFramework(source, `${source.id}@v${source.version}`),
    [source],
  );
  const sections = useSections(framework);
  const [features, setFeatures] = useState<readonly ServiceFeature[]>([]);
  const [answers, setAnswers] = useState<
    ReadonlyMap<string, IndustryAnswer & { narrative?: string }>
  >(new Map());
  const score = useMemo(
    () => scoreAssessment(source, { features }, answers),
    [source, features, answers],
  );
  const formAnswers: Record<string, FormAnswer> = Object.fromEntries(
    [...answers].map(([q, a]) => [
      q,
      a.level === 'na'
        ? { level: null, reason: a.reason, narrative: a.narrative ?? '' }
        : { level: a.level, narrative: a.narrative ?? '' },
    ]),
  );
  const save = async (question: string, input: AnswerInput) => {
    const next = new Map(answers);
    next.set(
      question,
      input.level === 'na'
        ? { level: 'na', reason: input.reason ?? '', narrative: input.narrative ?? '' }
        : { level: input.level, narrative: input.narrative ?? '' },
    );
    setAnswers(next);
  };
  return (
    <>
      <div class="card practice-note" role="note" aria-labelledby="practice-note-title">
        <h2 id="practice-note-title">{nt('industry.practice.privateTitle')}</h2>
        <p>{nt('industry.practice.private')}</p>
      </div>
      <FeatureChoices
        id="practice-features"
        class="card account-form"
        features={features}
        onChange={setFeatures}
      />
      <div class="practice-layout">
        <div>
          <SectionsForm
            framework={framework}
            features={features}
            answers={formAnswers}
            sections={sections}
            editable={() => true}
            onSave={save}
            confidentiality={false}
          />
        </div>
        <div class="practice-score" aria-live="polite">
          <ScoreSummary framework={framework} score={score} />
        </div>
      </div>
      {score.overall !== null && (
        <>
          <SectionTable framework={framework} score={score} />
          <GapList framework={framework} gaps={score.gaps} />
        </>
      )}
    </>
  );
}

/**
 * Practice mode (IND-20): the same form, fed by the shipped framework and scored by the engine in
 * this page. The answers live in this page's memory only: no request carries them, nothing is
 * stored under anyone's account, and no coordinator ever sees them.
 */
export function PracticePage() {
  const ready = useIndustryStrings();
  const loaded = usePracticeFramework();
  if (!ready) return <p class="page">{at('common.loading')}</p>;
  return (
    <AccountPage title={nt('industry.practice.title')}>
      <div class="industry">
        <TranslationNote lang={language()} uiLang={language()} />
        <p class="lead">{nt('industry.practice.intro')}</p>
        {loaded.kind === 'ready' ? (
          <Practice source={loaded.framework} />
        ) : loaded.kind === 'failed' ? (
          <p class="notice">{loaded.message}</p>
        ) : (
          <p>{nt('industry.common.loading')}</p>
        )}
      </div>
      <p class="no-print">
        <Link href="/account/industry">{nt('industry.practice.back')}</Link>
      </p>
    </AccountPage>
  );
}

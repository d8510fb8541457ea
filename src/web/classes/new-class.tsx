import { useEffect, useRef, useState } from 'preact/hooks';
import type { Band } from '../../engine';
import { navigate } from '../app/router';
import { AccountForm } from '../account/form';
import { classesApi } from './api';
import type { School } from './api';
import { bandOptions, langOptions } from './choices';
import { Notice, SCHOOL_NOTICE } from './notice';
import { codeOf, describeWith, problemMessage } from './problems';
import { ct } from './strings';

type Step =
  | { readonly kind: 'school' }
  | { readonly kind: 'agreement'; readonly school: School; readonly note?: string }
  | { readonly kind: 'class'; readonly school: School };

const nextStep = (school: School): Step =>
  school.agreement ? { kind: 'class', school } : { kind: 'agreement', school };

const plain = (max: number, missing: string) => (v: string) =>
  v.trim() === '' ? missing : [...v.trim()].length > max ? ct('form.tooLong', { n: max }) : null;

/** The school: one of those in Kite already, or a new one. */
function SchoolStep({ onChosen }: { onChosen(school: School): void }) {
  const [schools, setSchools] = useState<readonly School[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    classesApi.schools().then(
      (r) => setSchools(r.schools),
      (e) => setFailed(problemMessage(e)),
    );
  }, []);
  if (failed) return <p class="notice">{failed}</p>;
  if (!schools) return <p>{ct('common.loading')}</p>;
  return (
    <>
      {schools.length > 0 && (
        <AccountForm
          id="school-pick"
          fields={[
            {
              name: 'school',
              label: ct('school.pick'),
              autocomplete: 'off',
              options: schools.map((s) => ({
                value: s.id,
                label: s.name,
                hint: s.agreement ? ct('school.agreed') : ct('school.notAgreed'),
              })),
            },
          ]}
          submitLabel={ct('school.pickSubmit')}
          onSubmit={async (v) => {
            const school = schools.find((s) => s.id === v.school);
            if (school) onChosen(school);
          }}
        />
      )}
      <h3>{ct('school.add')}</h3>
      <AccountForm
        id="school-add"
        fields={[
          {
            name: 'name',
            label: ct('school.name'),
            autocomplete: 'organization',
            maxLength: 120,
            check: plain(120, ct('school.nameMissing')),
          },
        ]}
        submitLabel={ct('school.addSubmit')}
        describe={describeWith()}
        onSubmit={async (v) => onChosen((await classesApi.addSchool(v.name!.trim())).school)}
      />
    </>
  );
}

/** The school's agreement to use Kite for education only (PRIV-16), recorded once per school. */
function AgreementStep({
  school,
  note,
  onAgreed,
}: {
  school: School;
  note: string | undefined;
  onAgreed(school: School): void;
}) {
  return (
    <>
      <p>{ct('agreement.intro', { school: school.name })}</p>
      {note && (
        <p class="notice" role="alert">
          {note}
        </p>
      )}
      <Notice id="school-notice" title="schoolNotice.title" points={SCHOOL_NOTICE} />
      <AccountForm
        id="agreement"
        fields={[
          {
            name: 'agreedBy',
            label: ct('agreement.who'),
            hint: ct('agreement.whoHint'),
            autocomplete: 'off',
            maxLength: 120,
            check: plain(120, ct('agreement.whoMissing')),
          },
        ]}
        submitLabel={ct('agreement.submit')}
        describe={describeWith()}
        onSubmit={async (v) => {
          const noticeVersion = ct('schoolNotice.version');
          onAgreed((await classesApi.agree(school.id, v.agreedBy!.trim(), noticeVersion)).school);
        }}
      />
    </>
  );
}

/** The class itself: its name, the children's age band and the language they play in. */
function ClassStep({ school, onRefused }: { school: School; onRefused(): void }) {
  return (
    <>
      <p>{ct('newClass.in', { school: school.name })}</p>
      <AccountForm
        id="class-new"
        fields={[
          {
            name: 'name',
            label: ct('newClass.name'),
            hint: ct('newClass.nameHint'),
            autocomplete: 'off',
            maxLength: 80,
            check: plain(80, ct('newClass.nameMissing')),
          },
          { name: 'band', label: ct('newClass.band'), autocomplete: 'off', options: bandOptions() },
          { name: 'lang', label: ct('newClass.lang'), autocomplete: 'off', options: langOptions() },
        ]}
        submitLabel={ct('newClass.submit')}
        describe={describeWith()}
        onSubmit={async (v) => {
          try {
            const made = await classesApi.addClass({
              schoolId: school.id,
              name: v.name!.trim(),
              band: v.band as Band,
              lang: v.lang!,
            });
            navigate(`/account/classes/${encodeURIComponent(made.class.id)}`);
          } catch (error) {
            if (codeOf(error) === 'agreement_required') onRefused();
            throw error;
          }
        }}
      />
    </>
  );
}

/**
 * "New class", step by step: the school; its agreement if it has none yet; then the class. Each
 * step's heading takes the focus, so a screen reader hears where the adult is.
 */
export function NewClass({ onCancel }: { onCancel(): void }) {
  const [step, setStep] = useState<Step>({ kind: 'school' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step.kind]);
  const title =
    step.kind === 'school'
      ? ct('school.title')
      : step.kind === 'agreement'
        ? ct('agreement.title')
        : ct('newClass.title');
  return (
    <section class="card" aria-labelledby="new-class-step">
      <h2 id="new-class-step" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {step.kind === 'school' && <SchoolStep onChosen={(s) => setStep(nextStep(s))} />}
      {step.kind === 'agreement' && (
        <AgreementStep
          school={step.school}
          note={step.note}
          onAgreed={(s) => setStep({ kind: 'class', school: s })}
        />
      )}
      {step.kind === 'class' && (
        <ClassStep
          school={step.school}
          onRefused={() =>
            setStep({
              kind: 'agreement',
              school: step.school,
              note: ct('error.agreementRequired'),
            })
          }
        />
      )}
      <button type="button" class="secondary" onClick={onCancel}>
        {ct('common.cancel')}
      </button>
    </section>
  );
}

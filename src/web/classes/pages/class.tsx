import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { classesApi, classFiles } from '../api';
import type { ClassChild, ClassDetail } from '../api';
import { AddChildren } from '../add-children';
import { Assignments } from '../assignments';
import { bandLabel } from '../choices';
import { ChildCard } from '../child-card';
import { ClassLinks } from '../class-links';
import { problemMessage } from '../problems';
import { RolePage } from '../role-page';
import { ct } from '../strings';
import '../classes.css';

/** A link to a PDF of the class, opened in a new tab (it may not exist yet on this server). */
function PdfLink(props: { href: string; label: string }) {
  return (
    <a class="button secondary" href={props.href} target="_blank" rel="noopener">
      {props.label}
      <span class="visually-hidden"> {ct('common.newTab')}</span>
    </a>
  );
}

function ClassView({ id }: { id: string }) {
  const [detail, setDetail] = useState<ClassDetail | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const childrenHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    classesApi.get(id).then(setDetail, (e) => setFailed(problemMessage(e)));
  }, [id]);
  if (failed) return <p class="notice">{failed}</p>;
  if (!detail) return <p>{ct('common.loading')}</p>;
  const cls = detail.class;
  // Changes arrive after requests: each applies to the newest state, not the one rendered.
  const update = (change: (d: ClassDetail) => Partial<ClassDetail>) =>
    setDetail((d) => (d ? { ...d, ...change(d) } : d));
  const setChild = (c: ClassChild) =>
    update((d) => ({ children: d.children.map((x) => (x.id === c.id ? c : x)) }));

  return (
    <>
      <h2 class="class-name">{cls.name}</h2>
      <p>{ct('class.bandIs', { band: bandLabel(cls.band) })}</p>
      <section class="card class-code" aria-labelledby="class-code">
        <h2 id="class-code">{ct('class.code')}</h2>
        <p class="code-big">{cls.code}</p>
        <p class="small">{ct('class.codeHint')}</p>
        <p class="print-row">
          <PdfLink href={classFiles.cards(cls.id)} label={ct('class.cards')} />
          <PdfLink href={classFiles.letter(cls.id)} label={ct('class.letter')} />
        </p>
        <p>
          <Link href={`/account/classes/${encodeURIComponent(cls.id)}/report`}>
            {ct('class.report')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="class-children">
        <h2 id="class-children" tabIndex={-1} ref={childrenHeading}>
          {ct('class.childrenCount', { n: detail.children.length })}
        </h2>
        <p role="status" class="saved">
          {status}
        </p>
        {detail.children.length > 0 && (
          <ul class="child-list">
            {detail.children.map((c) => (
              <ChildCard
                key={c.id}
                classId={cls.id}
                child={c}
                onChanged={setChild}
                onStatus={setStatus}
                onErased={() => {
                  update((d) => ({ children: d.children.filter((x) => x.id !== c.id) }));
                  childrenHeading.current?.focus();
                }}
              />
            ))}
          </ul>
        )}
        <h3>{ct('children.title')}</h3>
        <AddChildren
          classId={cls.id}
          taken={detail.children.map((c) => c.nickname)}
          onAdded={(added) => {
            update((d) => ({ children: [...d.children, ...added] }));
            setStatus(ct('children.added', { n: added.length }));
          }}
        />
      </section>

      <section class="card" aria-labelledby="class-assignments">
        <h2 id="class-assignments">{ct('assign.title')}</h2>
        <Assignments
          cls={cls}
          assignments={detail.assignments}
          onChange={(assignments) => update(() => ({ assignments }))}
        />
      </section>

      <section class="card" aria-labelledby="class-links">
        <h2 id="class-links">{ct('links.title')}</h2>
        <p>{ct('links.intro')}</p>
        <ClassLinks
          classId={cls.id}
          links={detail.links}
          children={detail.children}
          onApproved={(linkId) =>
            update((d) => ({
              links: d.links.map((l) => (l.id === linkId ? { ...l, approved: true } : l)),
            }))
          }
        />
      </section>
      <p>
        <Link href="/account/classes">{ct('class.toClasses')}</Link>
      </p>
    </>
  );
}

/** One class (ADULT-3): its code, its children and their pictures, assignments, parents' links. */
export function ClassPage({ params }: { params: Readonly<Record<string, string>> }) {
  return (
    <RolePage title={ct('class.title')} role="teacher">
      {() => <ClassView id={params.id ?? ''} />}
    </RolePage>
  );
}

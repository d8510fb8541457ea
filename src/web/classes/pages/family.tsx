import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { contentIndex } from '../../content/client';
import type { ContentIndex } from '../../content/types';
import { language } from '../../i18n/i18n';
import { classesApi } from '../api';
import type { FamilyChild } from '../api';
import { AddFamilyChild } from '../add-family-child';
import { FamilyChildCard } from '../family-child';
import { LinkChild } from '../link-child';
import { problemMessage } from '../problems';
import { RolePage } from '../role-page';
import { ct } from '../strings';
import '../classes.css';

function Family() {
  const [children, setChildren] = useState<readonly FamilyChild[] | null>(null);
  const [index, setIndex] = useState<ContentIndex | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(async () => {
    try {
      setChildren((await classesApi.family()).children);
    } catch (error) {
      setFailed(problemMessage(error));
    }
  }, []);
  useEffect(() => {
    void load();
    contentIndex(language())
      .catch(() => contentIndex('en'))
      .then(setIndex, () => setIndex(null));
  }, [load]);
  if (failed) return <p class="notice">{failed}</p>;
  if (!children) return <p>{ct('common.loading')}</p>;
  return (
    <>
      <h2 tabIndex={-1} ref={heading}>
        {ct('family.count', { n: children.length })}
      </h2>
      <p role="status" class="saved">
        {status}
      </p>
      {children.length > 0 && (
        <ul class="child-list">
          {children.map((c) => (
            <FamilyChildCard
              key={c.id}
              child={c}
              index={index}
              onGone={() => {
                setChildren((list) => list?.filter((x) => x.id !== c.id) ?? null);
                setStatus(
                  ct(c.kind === 'own' ? 'family.erased' : 'family.stopped', { name: c.nickname }),
                );
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
      <section class="card" aria-labelledby="family-add">
        <h2 id="family-add">{ct('family.addTitle')}</h2>
        {adding ? (
          <AddFamilyChild
            onAdded={(child) => {
              setAdding(false);
              setStatus(ct('family.added', { name: child.nickname }));
              void load().then(() => heading.current?.focus());
            }}
          />
        ) : (
          <>
            <p>{ct('family.addIntro')}</p>
            <button type="button" class="primary" onClick={() => setAdding(true)}>
              {ct('family.addStart')}
            </button>
          </>
        )}
      </section>
      <section class="card" aria-labelledby="family-link">
        <h2 id="family-link">{ct('link.title')}</h2>
        <LinkChild />
      </section>
    </>
  );
}

/** A parent's children (ADULT-4): summaries, a new child with consent, a link to a class child. */
export function FamilyPage() {
  return (
    <RolePage title={ct('family.title')} role="parent">
      {() => <Family />}
    </RolePage>
  );
}

import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../components/confirm-dialog';
import { language } from '../i18n/i18n';
import type { ContentIndex } from '../content/types';
import { topicTitle } from '../library/labels';
import { classesApi } from './api';
import type { FamilyChild } from './api';
import { bandLabel } from './choices';
import { Picture } from './pictures';
import { problemMessage } from './problems';
import { Stars } from './stars';
import { ct } from './strings';

const day = (ms: number) =>
  new Intl.DateTimeFormat(language(), { dateStyle: 'medium' }).format(new Date(ms));

/**
 * One of a parent's children: a summary only (stars per topic, activities finished, last
 * active; never answers, PRIV-10), and "Stop following" (a linked child) or "Erase" (a child
 * the parent made: withdraws consent, everything of the child goes).
 */
export function FamilyChildCard(props: {
  child: FamilyChild;
  index: ContentIndex | null;
  onGone(): void;
}) {
  const { child } = props;
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const own = child.kind === 'own';
  const r = child.report;
  const titleId = `family-${child.id}`;
  return (
    <li class="card child-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Picture id={child.avatar} decorative />
        <span>{child.nickname}</span>
      </h3>
      <p class="small">
        {bandLabel(child.band)} · {own ? ct('family.kindOwn') : ct('family.kindLinked')}
      </p>
      {r ? (
        <>
          <dl class="facts">
            <dt>{ct('family.finished')}</dt>
            <dd>{r.finished}</dd>
            <dt>{ct('family.lastActive')}</dt>
            <dd>{r.lastAt === null ? ct('family.never') : day(r.lastAt)}</dd>
          </dl>
          {r.topics.length > 0 && (
            <table class="topic-stars">
              <caption class="visually-hidden">
                {ct('family.starsCaption', { name: child.nickname })}
              </caption>
              <tbody>
                {r.topics.map((t) => (
                  <tr key={t.topic}>
                    <th scope="row">{props.index ? topicTitle(props.index, t.topic) : t.topic}</th>
                    <td>
                      <Stars mastered={t.mastered} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : (
        <p>{ct('family.noReport')}</p>
      )}
      <span class="action">
        <button type="button" class="secondary danger" onClick={() => setConfirming(true)}>
          {own ? ct('family.erase') : ct('family.stop')}
        </button>
        <span role="alert" class="action-error">
          {problem ?? ''}
        </span>
      </span>
      {confirming && (
        <ConfirmDialog
          message={ct(own ? 'family.eraseConfirm' : 'family.stopConfirm', { name: child.nickname })}
          confirmLabel={ct(own ? 'family.eraseYes' : 'family.stopYes', { name: child.nickname })}
          cancelLabel={ct('common.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              await classesApi.leaveChild(child.id);
              setConfirming(false);
              props.onGone();
            } catch (error) {
              setConfirming(false);
              setProblem(problemMessage(error));
            }
          }}
        />
      )}
    </li>
  );
}

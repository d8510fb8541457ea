import { ActionButton } from '../account/form';
import { classesApi } from './api';
import type { ClassChild, ClassLink } from './api';
import { ct } from './strings';

/**
 * Parents asking to see a child's progress: each with where it stands. The teacher approves
 * only once the child has confirmed (PRIV-10); until then the request waits for the child.
 */
export function ClassLinks(props: {
  classId: string;
  links: readonly ClassLink[];
  children: readonly ClassChild[];
  onApproved(linkId: string): void;
}) {
  if (props.links.length === 0) return <p>{ct('links.none')}</p>;
  const nickname = (id: string) => props.children.find((c) => c.id === id)?.nickname ?? '';
  return (
    <ul class="link-list">
      {props.links.map((l) => {
        const names = { parent: l.parent, name: nickname(l.learnerId) };
        return (
          <li key={l.id} class="card">
            <p>{ct('links.request', names)}</p>
            <p class="small strong">
              {l.approved
                ? ct('links.active')
                : l.childConfirmed
                  ? ct('links.confirmed')
                  : ct('links.waitingChild')}
            </p>
            {l.childConfirmed && !l.approved && (
              <ActionButton
                class="primary"
                label={ct('links.approve', names)}
                run={async () => {
                  await classesApi.approveLink(props.classId, l.id);
                  props.onApproved(l.id);
                }}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

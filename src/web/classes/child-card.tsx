import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ActionButton } from '../account/form';
import { classesApi } from './api';
import type { ClassChild } from './api';
import { Picture, PicturePassword } from './pictures';
import { problemMessage } from './problems';
import { ct } from './strings';

/**
 * One child of a class: picture, nickname, their three pictures for signing in (as pictures),
 * how many devices are signed in, and what the teacher can do: new pictures, sign the devices
 * out, erase the child for good (after a dialog that says what goes).
 */
export function ChildCard(props: {
  classId: string;
  child: ClassChild;
  onChanged(child: ClassChild): void;
  onErased(): void;
  onStatus(text: string): void;
}) {
  const { child, classId } = props;
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = `child-${child.id}-name`;
  return (
    <li class="card child-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Picture id={child.avatar} decorative />
        <span>{child.nickname}</span>
      </h3>
      <PicturePassword
        ids={child.pictures}
        label={ct('child.pictures', { name: child.nickname })}
      />
      <p class="small">{ct('child.devices', { n: child.devices })}</p>
      <div class="actions">
        <ActionButton
          label={ct('child.newPictures')}
          run={async () => {
            const { child: renewed } = await classesApi.newPictures(classId, child.id);
            props.onChanged(renewed);
            props.onStatus(ct('child.newPicturesDone', { name: child.nickname }));
          }}
        />
        <ActionButton
          label={ct('child.signOut')}
          run={async () => {
            const { revoked } = await classesApi.signOutDevices(classId, child.id);
            props.onChanged({ ...child, devices: 0 });
            props.onStatus(ct('child.signedOut', { name: child.nickname, n: revoked }));
          }}
        />
        <span class="action">
          <button type="button" class="secondary danger" onClick={() => setConfirming(true)}>
            {ct('child.erase')}
          </button>
          <span role="alert" class="action-error">
            {problem ?? ''}
          </span>
        </span>
      </div>
      {confirming && (
        <ConfirmDialog
          message={ct('child.eraseConfirm', { name: child.nickname })}
          confirmLabel={ct('child.eraseYes', { name: child.nickname })}
          cancelLabel={ct('common.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              await classesApi.eraseChild(classId, child.id);
              setConfirming(false);
              props.onStatus(ct('child.erased', { name: child.nickname }));
              props.onErased();
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

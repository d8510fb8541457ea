import { useState } from 'preact/hooks';
import { AccountForm } from '../account/form';
import { classesApi } from './api';
import { nicknameProblem } from './nickname-input';
import { describeWith } from './problems';
import { ct } from './strings';

/**
 * "Link to a class child": the class code and the child's nickname. The request then waits:
 * the child confirms it on their device and the teacher approves it (PRIV-10).
 */
export function LinkChild() {
  const [sent, setSent] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <p>{ct('link.intro')}</p>
      <AccountForm
        key={round}
        id="link"
        fields={[
          {
            name: 'code',
            label: ct('link.code'),
            hint: ct('link.codeHint'),
            autocomplete: 'off',
            maxLength: 20,
            check: (v) => (v.trim() === '' ? ct('link.codeMissing') : null),
          },
          {
            name: 'nickname',
            label: ct('link.nickname'),
            autocomplete: 'off',
            maxLength: 200,
            check: (v) => nicknameProblem(v, true),
          },
        ]}
        submitLabel={ct('link.submit')}
        describe={describeWith({ personal_data: 'nickname', invalid_nickname: 'nickname' })}
        onSubmit={async (v) => {
          setSent(null);
          await classesApi.requestLink({
            code: v.code!.trim(),
            nickname: v.nickname!.trim(),
            noticeVersion: ct('familyNotice.version'),
          });
          setRound((n) => n + 1);
          setSent(ct('link.sent', { name: v.nickname!.trim() }));
        }}
      />
      <p role="status" class="saved">
        {sent ?? ''}
      </p>
    </>
  );
}

import type { Blocker } from '../../engine';
import type { Framework } from './api';
import { questionText } from './framework';
import { nt } from './strings';

/** What stands in the way of submitting (IND-05), each a way to its question. */
export function BlockerList(props: {
  framework: Framework;
  blockers: readonly Blocker[];
  goTo: (question: string) => void;
}) {
  if (props.blockers.length === 0) return <p>{nt('industry.submit.ready')}</p>;
  return (
    <>
      <p>{nt('industry.submit.blocked', { n: props.blockers.length })}</p>
      <ul class="blockers">
        {props.blockers.map((b) => (
          <li key={`${b.question}-${b.code}`}>
            <a
              href={`#q-${b.question}`}
              onClick={(e) => {
                e.preventDefault();
                props.goTo(b.question);
              }}
            >
              {questionText(props.framework, b.question)}
            </a>{' '}
            <span class="blocker-code">
              {b.code === 'unanswered'
                ? nt('industry.submit.unanswered')
                : nt('industry.submit.evidenceMissing')}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

import type { AssessmentState } from '../../engine';
import { stateLabel } from './labels';
import { nt } from './strings';

/** An assessment's state in words, with a shape and colour that never carry it alone. */
export function StateBadge({ state }: { state: AssessmentState }) {
  return (
    <span class={`state-badge state-${state}`}>
      <span class="visually-hidden">{nt('industry.common.state')} </span>
      {stateLabel(state)}
    </span>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { memo } from 'preact/compat';
import type { ComponentChildren } from 'preact';

/**
 * Renders `children` once the rest of its page has been painted, in a task of its own (Preact
 * runs effects after the next frame). For what lies below the fold: the first screen shows
 * without waiting for it, and no one task builds the whole page (home's list of every activity
 * made its first render a long task on a slow phone; Lighthouse TBT, bench:web).
 */
export function AfterPaint({ children }: { children: () => ComponentChildren }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted ? <>{children()}</> : null;
}

/** One step: rendered again only when its page renders it anew (a new `render`). */
const Step = memo(({ render }: { render: () => ComponentChildren }) => <>{render()}</>);

/**
 * Renders `steps` one after the other once the page has been painted, one step per frame, each
 * in a task of its own: a long list below the fold (home's activities, topic by topic) then
 * never makes one long task on a slow phone, and a tap in between is answered at once.
 */
export function AfterPaintInSteps({ steps }: { steps: readonly (() => ComponentChildren)[] }) {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown < steps.length) setShown(shown + 1);
  }, [shown, steps.length]);
  return (
    <>
      {steps.slice(0, shown).map((render, i) => (
        <Step key={i} render={render} />
      ))}
    </>
  );
}

import { useEffect, useState } from 'preact/hooks';
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

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Link } from '../components/link';
import { at } from './strings';
import type { AccountKey } from './strings';

/**
 * The end of a step (mail sent, password changed, account deleted): what happened in words, and
 * where to go next. The heading takes the focus, as on a new page.
 */
export function Done({
  title,
  children,
  next = '/account/signin',
  nextLabel = 'common.toSignIn',
}: {
  title: string;
  children: ComponentChildren;
  next?: string;
  nextLabel?: AccountKey;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main class="page account-page">
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
      <p>
        <Link href={next} class="primary">
          {at(nextLabel)}
        </Link>
      </p>
    </main>
  );
}

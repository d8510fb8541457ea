import type { ComponentChildren } from 'preact';
import { onLinkClick } from '../app/router';

/** An in-app link: a real `<a href>` (works without JS and for screen readers), no reload. */
export function Link(props: {
  href: string;
  class?: string;
  children: ComponentChildren;
  'aria-label'?: string;
  'aria-current'?: 'step' | 'page';
}) {
  const { href, children, ...rest } = props;
  return (
    <a href={href} {...rest} onClick={(e) => onLinkClick(e as MouseEvent, href)}>
      {children}
    </a>
  );
}

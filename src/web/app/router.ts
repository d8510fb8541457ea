import { useEffect, useState } from 'preact/hooks';
import { matchRoute } from '../../engine';

/**
 * A tiny client-side router over the History API. The server answers the app's paths
 * (src/engine/app/routes.ts) with index.html, other paths with index.html and 404, and the
 * service worker answers every navigation with index.html offline, so deep links work.
 */
const listeners = new Set<() => void>();

export function navigate(path: string, { replace = false } = {}): void {
  if (path === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const l of listeners) l();
  window.scrollTo(0, 0);
}

addEventListener('popstate', () => {
  for (const l of listeners) l();
});

/** The current path, re-rendering on navigation. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return path;
}

/** Matches `/play/:id`-style patterns; returns the params or null (the engine's route table). */
export const match = matchRoute;

/** A link that navigates without reloading. */
export function onLinkClick(e: MouseEvent, href: string): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  navigate(href);
}

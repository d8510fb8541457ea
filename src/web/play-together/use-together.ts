import { useState } from 'preact/hooks';

const PARAM = 'together';

function fromUrl(): boolean {
  return new URLSearchParams(location.search).get(PARAM) === '1';
}

/**
 * Play-together mode (ADULT-2), on when the URL has `?together=1`, so a teacher or parent can
 * link straight to it. Switching it keeps the URL in step without a new history entry.
 */
export function useTogether(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(fromUrl);
  const set = (next: boolean) => {
    const url = new URL(location.href);
    if (next) url.searchParams.set(PARAM, '1');
    else url.searchParams.delete(PARAM);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    setOn(next);
  };
  return [on, set];
}

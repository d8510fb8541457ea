/**
 * Links in account mails carry their one-time token in the URL fragment (`#token=…`), which
 * browsers never send to a server, so it reaches no log and no Referer. The page reads it once
 * and removes it from the address bar (and from this history entry), so it is not left on
 * screen, in a bookmark or in a shared link. Read it once per page (`useState(takeToken)`).
 */
export function takeToken(): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return token || null;
}

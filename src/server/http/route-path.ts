/** The path of a URL without its query string (query strings may carry personal data). */
export function routePath(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

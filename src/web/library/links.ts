import type { PageSize } from './paper';

/** Where the library's things live: in-app pages and the server's printable PDFs. */
export const links = {
  play: (id: string, together = false) =>
    `/play/${encodeURIComponent(id)}${together ? '?together=1' : ''}`,
  /** A teacher's class mode: the activity on a projector, nothing recorded. */
  classPlay: (id: string) => `/class/play/${encodeURIComponent(id)}`,
  lesson: (id: string) => `/lessons/${encodeURIComponent(id)}`,
  challenge: (id: string) => `/challenges/${encodeURIComponent(id)}`,
  guide: (id: string, audience: 'parents' | 'teachers') =>
    `/guides/${encodeURIComponent(id)}/${audience}`,
  worksheetPdf: (id: string, lang: string, paper: PageSize, answers = false) =>
    `/api/worksheets/${encodeURIComponent(id)}.pdf?lang=${lang}&paper=${paper}&answers=${answers ? 1 : 0}`,
  challengePdf: (id: string, lang: string, paper: PageSize) =>
    `/api/challenges/${encodeURIComponent(id)}.pdf?lang=${lang}&paper=${paper}`,
  guidePdf: (id: string, lang: string, paper: PageSize, audience: 'parents' | 'teachers') =>
    `/api/guides/${encodeURIComponent(id)}.pdf?lang=${lang}&paper=${paper}&audience=${audience}`,
  /**
   * The app page that opens a printable PDF (`/api/<kind>/<id>.pdf?…` → `/print/<kind>/<id>?…`)
   * and says in words why, when it cannot.
   */
  printPage: (pdfUrl: string) => pdfUrl.replace(/^\/api\/([a-z]+)\/([^/?]+)\.pdf/, '/print/$1/$2'),
};

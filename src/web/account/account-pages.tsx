import type { FunctionComponent } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { matchRoute } from '../../engine';
import { t } from '../i18n/i18n';
import { AccountUnavailable } from '../pages/account-unavailable';
import { loadAccountStrings } from './strings';
import './account.css';

/** What a page is given: the `:name` parts of its path. */
export type PageProps = { readonly params: Readonly<Record<string, string>> };

/** A page's chunk, loaded when its path is opened; offline, a plain notice instead. */
const page = (load: () => Promise<FunctionComponent<PageProps>>) =>
  lazy(() => load().catch(() => AccountUnavailable));

/** Each page by its path pattern (`:id` for one segment, as in APP_ROUTES). */
const PAGES: Readonly<Record<string, FunctionComponent<PageProps>>> = {
  '/account': page(() => import('./pages/settings').then((m) => m.SettingsPage)),
  '/account/signup': page(() => import('./pages/signup').then((m) => m.SignUpPage)),
  '/account/signin': page(() => import('./pages/signin').then((m) => m.SignInPage)),
  '/account/verify': page(() => import('./pages/verify').then((m) => m.VerifyPage)),
  '/account/reset': page(() => import('./pages/reset').then((m) => m.ResetPage)),
  '/account/invite': page(() => import('./pages/invite').then((m) => m.InvitePage)),
  '/account/setup': page(() => import('./pages/setup').then((m) => m.SetupPage)),
  '/account/mfa': page(() => import('./pages/mfa').then((m) => m.MfaPage)),
  '/account/sessions': page(() => import('./pages/sessions').then((m) => m.SessionsPage)),
  '/account/data': page(() => import('./pages/data').then((m) => m.DataPage)),
  // Classes and families (issue 13).
  '/account/classes': page(() => import('../classes/pages/classes').then((m) => m.ClassesPage)),
  '/account/classes/:id': page(() => import('../classes/pages/class').then((m) => m.ClassPage)),
  '/account/classes/:id/report': page(() =>
    import('../classes/pages/report').then((m) => m.ReportPage),
  ),
  '/account/family': page(() => import('../classes/pages/family').then((m) => m.FamilyPage)),
  // Industry self-assessment (issue 16).
  '/account/industry': page(() => import('../industry/pages/home').then((m) => m.IndustryHomePage)),
  '/account/industry/practice': page(() =>
    import('../industry/pages/practice').then((m) => m.PracticePage),
  ),
  '/account/industry/services/:id': page(() =>
    import('../industry/pages/service').then((m) => m.ServicePage),
  ),
  '/account/industry/assessments/:id': page(() =>
    import('../industry/pages/assessment').then((m) => m.AssessmentPage),
  ),
  '/account/industry/assessments/:id/results': page(() =>
    import('../industry/pages/results').then((m) => m.ResultsPage),
  ),
  '/account/industry/review': page(() =>
    import('../industry/pages/queue').then((m) => m.QueuePage),
  ),
  '/account/industry/review/:id': page(() =>
    import('../industry/pages/review').then((m) => m.ReviewPage),
  ),
  '/account/industry/statistics': page(() =>
    import('../industry/pages/statistics').then((m) => m.StatisticsPage),
  ),
  '/account/industry/register': page(() =>
    import('../industry/pages/register').then((m) => m.RegisterPage),
  ),
  // Deployment settings and places (issue 17, docs/national.md).
  '/account/deployment': page(() =>
    import('../deployment/pages/settings').then((m) => m.DeploymentSettingsPage),
  ),
  '/account/deployment/places': page(() =>
    import('../deployment/pages/places').then((m) => m.DeploymentPlacesPage),
  ),
  // National figures: a term's release and its dashboard (issue 17, docs/national.md).
  '/account/nation': page(() =>
    import('../nation/pages/releases').then((m) => m.NationReleasesPage),
  ),
  '/account/nation/:term': page(() =>
    import('../nation/pages/dashboard').then((m) => m.NationDashboardPage),
  ),
};

/** The page a path shows, with its params; null for none. */
function pageOf(
  path: string,
): { Page: FunctionComponent<PageProps>; params: PageProps['params'] } | null {
  for (const [pattern, Page] of Object.entries(PAGES)) {
    const params = matchRoute(pattern, path);
    if (params) return { Page, params };
  }
  return null;
}

/**
 * The adults' account pages (issue 12): one lazily loaded part of the app, which the child's
 * app never loads. The app routes every `/account…` path of APP_ROUTES here.
 */
export function AccountPages({ path }: { path: string }) {
  const [ready, setReady] = useState(false);
  // A mailed link opened where its page already shows changes only the fragment: start afresh.
  const [opened, setOpened] = useState(0);
  useEffect(() => void loadAccountStrings().then(() => setReady(true)), []);
  useEffect(() => {
    const onHash = () => {
      if (location.hash.includes('token=')) setOpened((n) => n + 1);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const found = pageOf(path);
  const loading = <p class="page">{t('common.loading')}</p>;
  if (!ready || !found) return loading;
  const { Page, params } = found;
  return (
    <Suspense fallback={loading}>
      <Page key={`${path}#${opened}`} params={params} />
    </Suspense>
  );
}

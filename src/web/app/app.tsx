import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { bandIndex, isAppPath } from '../../engine';
import { TopBar } from '../components/top-bar';
import { AVATARS } from '../components/art';
import { setLanguage, t } from '../i18n/i18n';
import type { Digits } from '../i18n/i18n';
import { shownLanguage } from '../i18n/offer';
import { clientConfig, languagesIndex } from '../content/client';
import {
  effectiveBand,
  getCurrentProfileId,
  listProfiles,
  setCurrentProfileId,
} from '../store/profiles';
import type { Profile } from '../store/profiles';
import { match, navigate, usePath } from './router';
import { SessionContext } from './session';
import { prefetchFirstScreen } from './prefetch';
import { watchFeedback } from '../feedback/watch';
import type { Session } from './session';
import { FirstRun } from '../pages/first-run';
import { Home } from '../pages/home';
import { AccountUnavailable } from '../pages/account-unavailable';

const Help = lazy(() => import('../pages/help').then((m) => m.Help));
const Privacy = lazy(() => import('../pages/privacy').then((m) => m.Privacy));
const JoinClass = lazy(() => import('../pages/join').then((m) => m.JoinClass));
const Profiles = lazy(() => import('../pages/profiles').then((m) => m.Profiles));
const Settings = lazy(() => import('../pages/settings').then((m) => m.Settings));
const Play = lazy(() => import('../pages/play').then((m) => m.Play));
const Library = lazy(() => import('../pages/library').then((m) => m.Library));
const ChallengePage = lazy(() => import('../pages/challenge').then((m) => m.ChallengePage));
const GuidePage = lazy(() => import('../pages/guide').then((m) => m.GuidePage));
const LessonPage = lazy(() => import('../pages/lesson').then((m) => m.LessonPage));
const CurriculumMap = lazy(() => import('../pages/curriculum-map').then((m) => m.CurriculumMap));
const PrintPage = lazy(() => import('../pages/print').then((m) => m.PrintPage));
const CourseMap = lazy(() => import('../course/course-map').then((m) => m.CourseMap));
const ModuleIntro = lazy(() => import('../course/module-intro').then((m) => m.ModuleIntro));
const ModuleCheck = lazy(() => import('../course/module-check').then((m) => m.ModuleCheck));
const Certificate = lazy(() => import('../course/certificate').then((m) => m.Certificate));
const NotFound = lazy(() => import('../pages/not-found').then((m) => m.NotFound));
// A class child's note (signed out, or forgotten after an erase for good): loaded when needed.
const ClassNote = lazy(() => import('../class-child/class-note').then((m) => m.ClassNote));
// Adults' account pages: not kept offline, so a failed load says so plainly. (The catch stays
// outside the `.then`: the build wraps `import(…).then(…)` with the loading of the chunk's CSS,
// whose failure must be caught too.)
const AccountPages = lazy(() =>
  import('../account/account-pages').then((m) => m.AccountPages).catch(() => AccountUnavailable),
);

/**
 * Library pages, class mode and the adults' account pages: what an adult may open without a
 * child's profile on this device.
 */
const isAdultPath = (path: string) =>
  /^\/(library|challenges|guides|lessons|print|class|account)(\/|$)/.test(path);

/** Which page a path shows. Pages that need a player send a newcomer to first run. */
function Page({ path }: { path: string }) {
  if (path === '/help' || path === '/help/now') return <Help />;
  if (path === '/start') return <FirstRun />;
  if (path === '/join') return <JoinClass />;
  if (path === '/profiles') return <Profiles />;
  if (path === '/privacy') return <Privacy />;
  if (path === '/settings') return <Settings />;
  const play = match('/play/:id', path);
  if (play) return <Play id={play.id!} />;
  const classPlay = match('/class/play/:id', path);
  if (classPlay) return <Play key="class" id={classPlay.id!} classMode />;
  const course = match('/course/:id', path);
  if (course) return <CourseMap id={course.id!} />;
  const certificate = match('/course/:id/certificate', path);
  if (certificate) return <Certificate id={certificate.id!} />;
  const courseModule = match('/course/:id/:module', path);
  if (courseModule) return <ModuleIntro id={courseModule.id!} module={courseModule.module!} />;
  const check = match('/course/:id/:module/check', path);
  if (check) return <ModuleCheck id={check.id!} module={check.module!} />;
  if (path === '/library') return <Library />;
  const map = match('/library/map/:band', path);
  if (map) return <CurriculumMap band={map.band!} />;
  const challenge = match('/challenges/:id', path);
  if (challenge) return <ChallengePage id={challenge.id!} />;
  const guide = match('/guides/:id/:audience', path);
  if (guide && (guide.audience === 'parents' || guide.audience === 'teachers'))
    return <GuidePage id={guide.id!} audience={guide.audience} />;
  const lesson = match('/lessons/:id', path);
  if (lesson) return <LessonPage id={lesson.id!} />;
  const print = match('/print/:kind/:id', path);
  if (print) return <PrintPage kind={print.kind!} id={print.id!} />;
  if (path === '/') return <Home />;
  if (path.startsWith('/account') && isAppPath(path)) return <AccountPages path={path} />;
  return <NotFound />;
}

/**
 * After a page change (not the first page), focus goes to the new page's main heading once it
 * has rendered, so keyboard and screen-reader users start at the top of the new content.
 */
function useFocusOnPageChange(path: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let frame = 0;
    let tries = 0;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('#main h1');
      if (!heading) {
        if (++tries < 300) frame = requestAnimationFrame(focusHeading);
        return;
      }
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [path]);
}

/** The child's app: profiles on this device, the top bar, and the pages. */
export function App() {
  const path = usePath();
  useFocusOnPageChange(path);
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const all = await listProfiles();
    const saved = (await getCurrentProfileId()) ?? null;
    const current = all.find((p) => p.id === saved) ?? all[0] ?? null;
    // The profile's language where it is offered for its band, else English (I18N-3). An
    // English profile waits for neither file.
    let lang = 'en';
    let digits: Digits | undefined;
    if (current && current.lang !== 'en') {
      const [{ languages }, config] = await Promise.all([languagesIndex(), clientConfig()]);
      lang = shownLanguage(current.lang, effectiveBand(current), languages);
      digits = config.digits;
    }
    if (current) prefetchFirstScreen(location.pathname, current, lang);
    await setLanguage(lang, digits);
    setProfiles(all);
    setCurrentId(current?.id ?? null);
  }, []);
  useEffect(() => void refresh(), [refresh]);

  // Children's feedback answers queued offline leave when the network is back (feedback/).
  useEffect(watchFeedback, []);

  // Sync runs only on a device with a class profile, and its code loads after the first screen.
  const [forgotten, setForgotten] = useState(false);
  const hasClass = profiles?.some((p) => p.account) ?? false;
  useEffect(() => {
    if (!hasClass) return;
    let stop: (() => void) | undefined;
    let gone = false;
    void import('../sync/runner')
      .then((m) => {
        if (gone) return;
        stop = m.startSync((news) => {
          if (news === 'forgotten') setForgotten(true);
          void refresh();
        });
      })
      .catch(() => {});
    return () => {
      gone = true;
      stop?.();
    };
  }, [hasClass, refresh]);

  const session = useMemo<Session | null>(() => {
    if (!profiles) return null;
    return {
      profiles,
      profile: profiles.find((p) => p.id === currentId) ?? null,
      refresh,
      select: async (id) => {
        await setCurrentProfileId(id);
        await refresh();
      },
    };
  }, [profiles, currentId, refresh]);

  const needsProfile =
    session &&
    !session.profile &&
    path !== '/start' &&
    path !== '/join' &&
    !path.startsWith('/help') &&
    !isAdultPath(path) &&
    isAppPath(path);
  useEffect(() => {
    if (!needsProfile) return;
    // A shared link (`/play/<id>`) survives first run: first run returns there afterwards.
    const next = path === '/' ? '' : `?next=${encodeURIComponent(path + location.search)}`;
    navigate(`/start${next}`, { replace: true });
  }, [needsProfile, path]);
  const band = session?.profile ? effectiveBand(session.profile) : null;
  useLayoutEffect(() => {
    // The band's theme (styles/themes.css): 11–13 and 14–16 get a calmer, older look.
    if (band) document.documentElement.dataset.band = band;
    else delete document.documentElement.dataset.band;
  }, [band]);

  if (!session || needsProfile) return <p class="page">{t('common.loading')}</p>;
  const older = session.profile?.band != null && bandIndex(session.profile.band) >= 2;
  return (
    <SessionContext.Provider value={session}>
      <div class={older ? 'band-older' : undefined}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <TopBar
          avatarSrc={session.profile ? AVATARS[session.profile.avatar] : undefined}
          watchedId={session.profile?.account ? session.profile.id : undefined}
        />
        {(forgotten || session.profile?.account?.signedOut) && (
          <Suspense fallback={null}>
            {forgotten ? (
              <ClassNote kind="forgotten" onDismiss={() => setForgotten(false)} />
            ) : (
              <ClassNote kind="signed-out" />
            )}
          </Suspense>
        )}
        <div id="main">
          <Suspense fallback={<p class="page">{t('common.loading')}</p>}>
            <Page path={path} />
          </Suspense>
        </div>
      </div>
    </SessionContext.Provider>
  );
}

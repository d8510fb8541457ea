import type { FastifyInstance } from 'fastify';
import type { AccountsContext } from '../../accounts/context';
import { accountRoutes } from './account';
import { adminRoutes } from './admin';
import { authRoutes } from './auth';
import { installGuard } from './guard';
import type { ClassesContext } from '../../classes/context';
import { familyRoutes } from '../classes/family';
import { teacherRoutes } from '../classes/teacher';
import type { CookieSettings } from './guard';
import { feedbackReportRoutes } from '../feedback';
import type { StudioContext } from '../../studio/context';
import { studioRoutes } from '../studio';
import { studioDocumentRoutes } from '../studio/document';
import type { IndustryContext } from '../../industry/context';
import { industryRoutes } from '../industry';
import type { DeploymentContext } from '../../deployment/context';
import { deploymentRoutes } from '../deployment';
import type { NationContext } from '../../nation/context';
import { nationRoutes } from '../nation';

/** The recording studio, when the deployment has content to record: its API and its page. */
export interface StudioSetup {
  readonly context: StudioContext;
  /** The built studio page, or null when the web app is not built (then only the API). */
  readonly document: string | null;
}

/**
 * Every route of adults signed in with a session (accounts, teachers' and parents' routes of
 * docs/classes.md, companies' and coordinators' of docs/industry.md, the deployment settings and
 * national releases of docs/national.md), in one encapsulated
 * scope: its cookie parsing, CSRF check and session guard run for these routes only.
 */
export function accountsPlugin(
  ctx: AccountsContext,
  cookies: CookieSettings,
  classes: ClassesContext,
  studio?: StudioSetup,
  industry?: IndustryContext,
  deployment?: DeploymentContext,
  nation?: NationContext,
) {
  return async (app: FastifyInstance) => {
    await installGuard(app, ctx, cookies);
    await app.register(authRoutes(ctx, cookies.secure));
    await app.register(accountRoutes(ctx, cookies.secure));
    await app.register(adminRoutes(ctx));
    await app.register(teacherRoutes(classes));
    await app.register(familyRoutes(classes));
    await app.register(feedbackReportRoutes(ctx.db));
    if (studio) {
      await app.register(studioRoutes(studio.context));
      if (studio.document !== null) await app.register(studioDocumentRoutes(studio.document));
    }
    if (industry) await app.register(industryRoutes(industry));
    if (deployment) await app.register(deploymentRoutes(deployment));
    if (nation) await app.register(nationRoutes(nation));
  };
}

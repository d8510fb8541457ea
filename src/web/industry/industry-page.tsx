import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link } from '../components/link';
import { TranslationNote } from '../components/translation-note';
import { language } from '../i18n/i18n';
import type { Role } from '../account/api';
import { SignedInPage } from '../account/page';
import type { SignedIn } from '../account/page';
import { at } from '../account/strings';
import { loadIndustryStrings, nt } from './strings';
import type { IndustryKey } from './strings';
import './industry.css';

/** Who an industry page is for: a company, or the coordinators who review (admins too). */
export type Audience = 'company' | 'reviewer';

const ROLES: Readonly<Record<Audience | 'both', readonly Role[]>> = {
  company: ['company'],
  reviewer: ['coordinator', 'admin'],
  both: ['company', 'coordinator', 'admin'],
};

/** Which side of the dialogue a role is on. */
export const audienceOf = (role: Role): Audience => (role === 'company' ? 'company' : 'reviewer');

/** Loads the industry strings once, for a page that shows before anything else. */
export function useIndustryStrings(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => void loadIndustryStrings().then(() => setReady(true)), []);
  return ready;
}

/**
 * An industry page: for a signed-in adult of the audience's roles only (anyone else is told so
 * in words, with the way to their own pages; the server refuses them anyway).
 */
export function IndustryPage(props: {
  title: IndustryKey;
  audience: Audience | 'both';
  children: (account: SignedIn) => ComponentChildren;
}) {
  const ready = useIndustryStrings();
  if (!ready) return <p class="page">{at('common.loading')}</p>;
  return (
    <SignedInPage title={nt(props.title)}>
      {(account) => (
        <>
          {ROLES[props.audience].includes(account.user.role) ? (
            <div class="industry">
              {/* The framework's texts and these pages may be a machine's translation. */}
              <TranslationNote lang={language()} uiLang={language()} />
              {props.children(account)}
            </div>
          ) : (
            <p class="notice">
              {nt(
                props.audience === 'company'
                  ? 'industry.role.company'
                  : props.audience === 'reviewer'
                    ? 'industry.role.reviewer'
                    : 'industry.role.both',
              )}
            </p>
          )}
          <p class="no-print">
            <Link href="/account">{at('common.toAccount')}</Link>
          </p>
        </>
      )}
    </SignedInPage>
  );
}

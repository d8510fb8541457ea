import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/i18n';
import './phone-frame.css';

/**
 * The "Practice" phone every simulated app is drawn in (DESIGN.md: looks like a generic phone
 * app, clearly inside Kite). `icon` is an invented app's tile from content/art/apps; `app` is
 * the app or chat name shown in its top bar, as a heading; `sub` an optional line under it.
 * Shared by the simulated-app players (chat, inbox, …): use it for any new one too.
 */
export function PhoneFrame(props: {
  icon: string;
  app: string;
  sub?: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`phone${props.class ? ` ${props.class}` : ''}`}>
      <p class="phone-practice">
        <svg class="phone-kite" viewBox="0 0 20 24" width="16" height="19" aria-hidden="true">
          <path d="M10 2 2 11l8 11 8-11z" fill="#ff7a6b" />
          <path d="M2 11h16" />
        </svg>
        <span>{t('play.practice')}</span>
      </p>
      <div class="phone-screen">
        <div class="phone-app-bar">
          <img src={props.icon} alt="" width="40" height="40" />
          <div class="phone-app-name">
            <h2>{props.app}</h2>
            {props.sub && <p>{props.sub}</p>}
          </div>
        </div>
        {props.children}
      </div>
      <div class="phone-home" aria-hidden="true" />
    </div>
  );
}

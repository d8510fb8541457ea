import { useId, useState } from 'preact/hooks';
import type { ContentId, InboxMessage } from '../../../engine';
import { t } from '../../i18n/i18n';
import { PhoneFrame } from '../shared/phone-frame';
import type { PlayerProps } from '../types';
import postboxIcon from '../../../../content/art/apps/postbox.svg';
import './inbox-player.css';

type Mark = 'trick' | 'ok';

const TINTS = ['#fff1d6', '#e0f7ec', '#ece6ff', '#ffe4ec', '#d9d2f5'];

function initial(name: string): string {
  const ch = [...name.trim()][0];
  return ch ? ch.toLocaleUpperCase() : '?';
}

function FlagIcon() {
  return (
    <svg class="inbox-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path d="M6 21V4" />
      <path d="M6 4h11l-2.5 4L17 12H6z" fill="#ffb020" />
    </svg>
  );
}

function OkIcon() {
  return (
    <svg class="inbox-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <circle cx="12" cy="12" r="9" fill="#5cc26a" />
      <path d="m8 12.5 3 3 5-6" />
    </svg>
  );
}

/**
 * `inbox`: a simulated mail app. The child opens each message to look at the sender's
 * address, where its link goes and what it asks, marks it "Trick" or "Looks OK", and presses
 * Check. The answer is the ids of the messages marked as tricks.
 */
export default function InboxPlayer(props: PlayerProps<'inbox'>) {
  return <Inbox key={props.sceneKey} {...props} />;
}

function Inbox({ interaction, text, onAnswer, locked, solution }: PlayerProps<'inbox'>) {
  const { messages } = interaction.args;
  const [open, setOpen] = useState<string | null>(null);
  const [marks, setMarks] = useState<Readonly<Record<string, Mark>>>({});
  const app = text({ id: 'app.mail' as ContentId, text: '{app:mail}' });
  const flagged = messages.filter((m) => marks[m.id] === 'trick').map((m) => m.id);
  const setMark = (id: string, mark: Mark) =>
    setMarks((old) => {
      const next = { ...old };
      if (next[id] === mark) delete next[id];
      else next[id] = mark;
      return next;
    });

  return (
    <div class="inbox-player">
      <PhoneFrame icon={postboxIcon} app={app} sub={t('inbox.title')} class="inbox">
        <ul class="inbox-list" aria-label={t('inbox.title')}>
          {messages.map((m, i) => (
            <Message
              key={m.id}
              message={m}
              index={i}
              text={text}
              open={open === m.id}
              onToggle={() => setOpen(open === m.id ? null : m.id)}
              mark={marks[m.id]}
              onMark={(mark) => setMark(m.id, mark)}
              locked={locked}
              answer={solution ? (solution.flagged.includes(m.id) ? 'trick' : 'ok') : null}
            />
          ))}
        </ul>
      </PhoneFrame>
      <div class="inbox-check">
        <p class="inbox-count">{t('inbox.count', { n: flagged.length })}</p>
        <button
          type="button"
          class="primary"
          disabled={locked}
          onClick={() => onAnswer({ type: 'inbox', flagged })}
        >
          {t('play.check')}
        </button>
      </div>
    </div>
  );
}

function Message(props: {
  message: InboxMessage;
  index: number;
  text: PlayerProps['text'];
  open: boolean;
  onToggle: () => void;
  mark: Mark | undefined;
  onMark: (mark: Mark) => void;
  locked: boolean;
  answer: Mark | null;
}) {
  const { message: m, text, open, mark, answer } = props;
  const id = useId();
  const from = text(m.from);
  return (
    <li class={`inbox-item${open ? ' is-open' : ''}${mark ? ` is-${mark}` : ''}`}>
      <h3 class="inbox-row-heading">
        <button
          type="button"
          class="inbox-row"
          aria-expanded={open}
          aria-controls={`${id}-m`}
          onClick={props.onToggle}
        >
          <span
            class="inbox-avatar"
            style={{ background: TINTS[props.index % TINTS.length] }}
            aria-hidden="true"
          >
            {initial(from)}
          </span>
          <span class="inbox-row-main">
            <span class="inbox-from">{from}</span>
            <span class="inbox-subject">{text(m.subject)}</span>
            {!open && (
              <span class="inbox-preview" aria-hidden="true">
                {text(m.body)}
              </span>
            )}
            {mark && (
              <span class={`inbox-mark inbox-mark-${mark}`}>
                {mark === 'trick' ? <FlagIcon /> : <OkIcon />}
                {mark === 'trick' ? t('inbox.trick') : t('inbox.ok')}
              </span>
            )}
          </span>
          <svg class="inbox-chevron" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="m6 9 6 6 6-6" />
          </svg>
        </button>
      </h3>
      {answer && (
        <p class="inbox-answer">
          <span class="answer-tag">
            {answer === 'trick' ? t('inbox.answerTrick') : t('inbox.answerOk')}
          </span>
        </p>
      )}
      <div id={`${id}-m`} class="inbox-open" hidden={!open}>
        {open && (
          <>
            <dl class="inbox-meta">
              <div>
                <dt>{t('inbox.from')}</dt>
                <dd>{from}</dd>
              </div>
              <div>
                <dt>{t('inbox.address')}</dt>
                <dd class="inbox-address">{text(m.address)}</dd>
              </div>
            </dl>
            <p class="inbox-body">{text(m.body)}</p>
            {m.link && <LinkCheck target={text(m.link)} />}
            {m.attachment && (
              <p class="inbox-attachment">
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                  <path d="M16 7.5 9 14.5a2 2 0 0 0 3 3l7-7.5a4 4 0 0 0-6-5.5L5.5 12a6 6 0 0 0 8.5 8.5L19 15" />
                </svg>
                <span>
                  {t('inbox.attachment')}: <strong>{text(m.attachment)}</strong>
                </span>
              </p>
            )}
            <div class="inbox-flag" role="group" aria-labelledby={`${id}-q`}>
              <p id={`${id}-q`} class="inbox-question">
                {t('inbox.question')}
              </p>
              <div class="inbox-flag-buttons">
                <button
                  type="button"
                  class="inbox-flag-button"
                  aria-pressed={mark === 'trick'}
                  disabled={props.locked}
                  onClick={() => props.onMark('trick')}
                >
                  <FlagIcon />
                  {t('inbox.trick')}
                </button>
                <button
                  type="button"
                  class="inbox-flag-button"
                  aria-pressed={mark === 'ok'}
                  disabled={props.locked}
                  onClick={() => props.onMark('ok')}
                >
                  <OkIcon />
                  {t('inbox.ok')}
                </button>
              </div>
            </div>
          </>
        )}
      </div>
    </li>
  );
}

/** A link that never opens: tapping or focusing it shows where it really goes. */
function LinkCheck({ target }: { target: string }) {
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <div class="inbox-link">
      <button
        type="button"
        class="inbox-link-button"
        aria-expanded={shown}
        aria-controls={id}
        onFocus={() => setShown(true)}
        onClick={() => setShown(true)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1" />
          <path d="M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1" />
        </svg>
        {t('inbox.link')}
      </button>
      <div id={id} class="inbox-link-target" hidden={!shown}>
        {shown && (
          <>
            <p>
              <strong>{t('inbox.linkGoesTo')}</strong>
            </p>
            <p class="inbox-url">{target}</p>
            <p class="inbox-link-note">{t('inbox.linkNote')}</p>
          </>
        )}
      </div>
    </div>
  );
}

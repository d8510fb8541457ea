import { useEffect, useId, useState } from 'preact/hooks';
import { ME } from '../../../engine';
import type { ChatMessage, ContentId } from '../../../engine';
import { t } from '../../i18n/i18n';
import { PhoneFrame } from '../shared/phone-frame';
import type { PlayerProps } from '../types';
import chatterIcon from '../../../../content/art/apps/chatter.svg';
import './chat-player.css';
import { AnswerPicture } from '../../components/answer-picture';
import { ItemSpeaker } from '../../components/item-speaker';

/** Pale tints from the art kit for the invented people's avatar circles. */
const TINTS = ['#fff1d6', '#e0f7ec', '#ece6ff', '#ffe4ec', '#d9d2f5'];

/** The messages that just arrived: everything after the child's last message. */
function incoming(messages: readonly ChatMessage[]): ChatMessage[] {
  let last = -1;
  messages.forEach((m, i) => {
    if (m.from === ME) last = i;
  });
  return messages.slice(last + 1).filter((m) => m.from !== ME);
}

function initial(name: string): string {
  const ch = [...name.trim()][0];
  return ch ? ch.toLocaleUpperCase() : '?';
}

/**
 * `chat`: a simulated messenger in the practice phone. The thread is shown at once (no
 * typing timers); the new messages are also announced politely in the player's own log region
 * (the page's status region is kept for feedback). The child answers with one of the suggested
 * replies or an action button such as Block.
 */
export default function ChatPlayer(props: PlayerProps<'chat'>) {
  const { interaction, text, sceneKey } = props;
  const [news, setNews] = useState<{ key: string; text: string } | null>(null);
  useEffect(() => {
    const people = new Map(interaction.args.participants.map((p) => [p.id, text(p.name)]));
    const said = incoming(interaction.args.messages).map((m) =>
      t('chat.incoming', { name: people.get(m.from) ?? m.from, text: text(m.text) }),
    );
    setNews(said.length ? { key: sceneKey, text: said.join(' ') } : null);
    // Announce once per scene, after the region is in the page.
  }, [sceneKey]);
  return (
    <>
      <ChatScreen key={sceneKey} {...props} />
      <div class="visually-hidden" role="log" aria-live="polite">
        {news && <p key={news.key}>{news.text}</p>}
      </div>
    </>
  );
}

function ChatScreen({ interaction, text, onAnswer, locked, solution }: PlayerProps<'chat'>) {
  const { args } = interaction;
  const ids = useId();
  const people = new Map(args.participants.map((p, i) => [p.id, { name: text(p.name), i }]));
  const title = text(args.title ?? ({ id: 'app.chat' as ContentId, text: '{app:chat}' } as const));
  const others = args.participants.map((p) => text(p.name)).join(', ');
  const messages = args.replies.filter((r) => r.kind !== 'action');
  const actions = args.replies.filter((r) => r.kind === 'action');

  const answerTag = (id: string) =>
    solution?.reply === id ? <span class="answer-tag">{t('play.solutionLabel')}</span> : null;

  return (
    <PhoneFrame icon={chatterIcon} app={title} sub={others} class="chat">
      <ol class="chat-thread" aria-label={t('chat.messages')}>
        {args.messages.map((m, i) => {
          const mine = m.from === ME;
          const who = people.get(m.from);
          const name = mine ? t('chat.you') : (who?.name ?? m.from);
          const firstOfRun = i === 0 || args.messages[i - 1]!.from !== m.from;
          const lastOfRun = i === args.messages.length - 1 || args.messages[i + 1]!.from !== m.from;
          return (
            <li
              key={i}
              class={`chat-msg ${mine ? 'chat-me' : 'chat-them'}${lastOfRun ? ' chat-tail' : ''}`}
            >
              {!mine && (
                <span
                  class={`chat-avatar${lastOfRun ? '' : ' chat-avatar-space'}`}
                  style={{ background: TINTS[(who?.i ?? 0) % TINTS.length] }}
                  aria-hidden="true"
                >
                  {lastOfRun ? initial(name) : ''}
                </span>
              )}
              <div class="chat-bubble-wrap">
                {firstOfRun && !mine && (
                  <span class="chat-name" aria-hidden="true">
                    {name}
                  </span>
                )}
                <p class="chat-bubble">
                  <span class="visually-hidden">{name}: </span>
                  {text(m.text)}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      <div class="chat-compose">
        {messages.length > 0 && (
          <div class="chat-replies" role="group" aria-labelledby={`${ids}-r`}>
            <p id={`${ids}-r`} class="chat-label">
              {t('chat.replies')}
            </p>
            {messages.map((r) => (
              <div key={r.id} class="chat-reply-row">
                <button
                  type="button"
                  class={`chat-reply${solution?.reply === r.id ? ' is-solution' : ''}`}
                  disabled={locked}
                  onClick={() => onAnswer({ type: 'chat', reply: r.id })}
                >
                  <span class="chat-reply-text">{text(r.text)}</span>
                  <AnswerPicture media={r.media} text={text} class="chat-reply-picture" />
                  {answerTag(r.id)}
                  <svg
                    class="chat-send"
                    viewBox="0 0 24 24"
                    width="22"
                    height="22"
                    aria-hidden="true"
                  >
                    <path d="M4 12 20 4l-5 16-3-6z" />
                    <path d="m12 14 8-10" />
                  </svg>
                </button>
                <ItemSpeaker tx={r.text} text={text} />
              </div>
            ))}
          </div>
        )}
        {actions.length > 0 && (
          <div class="chat-actions" role="group" aria-labelledby={`${ids}-a`}>
            <p id={`${ids}-a`} class="chat-label">
              {t('chat.actions')}
            </p>
            <div class="chat-action-row">
              {actions.map((r) => (
                <span key={r.id} class="chat-action-item">
                  <button
                    type="button"
                    class={`chat-action${solution?.reply === r.id ? ' is-solution' : ''}`}
                    disabled={locked}
                    onClick={() => onAnswer({ type: 'chat', reply: r.id })}
                  >
                    <span>{text(r.text)}</span>
                    <AnswerPicture media={r.media} text={text} class="chat-reply-picture" />
                    {answerTag(r.id)}
                  </button>
                  <ItemSpeaker tx={r.text} text={text} />
                </span>
              ))}
            </div>
          </div>
        )}
      </div>
    </PhoneFrame>
  );
}

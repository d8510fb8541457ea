import { useId, useState } from 'preact/hooks';
import type { ContentId, FeedAction, FeedPost, Text } from '../../../engine';
import { t } from '../../i18n/i18n';
import { PhoneFrame } from '../shared/phone-frame';
import snapfeed from '../../../../content/art/apps/snapfeed.svg';
import type { PlayerProps } from '../types';
import './feed-player.css';

/** The feed runs in the country pack's invented photo app (the art kit's Snapfeed look). */
const APP: Text = { id: 'kite.feed.app' as ContentId, text: '{app:photo}' };

/** Pale tints for the invented people's round pictures (docs/art.md "other fills"). */
const TINTS = ['#fff1d6', '#e0f7ec', '#ece6ff', '#ffe4ec', '#dff1ff', '#d9d2f5'];

/**
 * `feed`: a simulated social feed from invented people. Each post can have its source
 * checked, and gets one of the activity's actions (like, share, report…); Done sends the
 * action chosen for every post.
 */
export default function FeedPlayer(props: PlayerProps<'feed'>) {
  return <Feed key={props.sceneKey} {...props} />;
}

function Feed({ interaction, text, onAnswer, locked, solution }: PlayerProps<'feed'>) {
  const { posts, actions } = interaction.args;
  const [chosen, setChosen] = useState<Readonly<Record<string, string>>>({});
  const [problem, setProblem] = useState('');

  const done = () => {
    if (locked) return;
    if (posts.some((p) => !chosen[p.id])) {
      setProblem(t('feed.notDone'));
      return;
    }
    onAnswer({ type: 'feed', actions: { ...chosen } });
  };

  return (
    <div class="feed">
      <PhoneFrame app={text(APP)} icon={snapfeed} sub={t('feed.screen')} class="app-feed">
        <ul class="feed-list" aria-label={t('feed.posts')}>
          {posts.map((post) => (
            <li key={post.id}>
              <Post
                post={post}
                actions={actions}
                text={text}
                chosen={chosen[post.id]}
                answer={solution?.actions[post.id]}
                locked={locked}
                onChoose={(action) => {
                  setProblem('');
                  setChosen((c) => ({ ...c, [post.id]: action }));
                }}
              />
            </li>
          ))}
        </ul>
      </PhoneFrame>
      <p class="feed-problem" role="alert">
        {problem}
      </p>
      <button type="button" class="primary feed-done" disabled={locked} onClick={done}>
        {t('common.done')}
      </button>
    </div>
  );
}

function Post(props: {
  post: FeedPost;
  actions: readonly FeedAction[];
  text: (t: Text) => string;
  chosen: string | undefined;
  answer: string | undefined;
  locked: boolean;
  onChoose: (action: string) => void;
}) {
  const { post, actions, text } = props;
  const id = useId();
  const [source, setSource] = useState(false);
  const author = text(post.author);
  const answer = actions.find((a) => a.id === props.answer);
  return (
    <article class="post" aria-labelledby={`${id}-a`}>
      <div class="post-head">
        <span class="post-avatar" style={{ background: tint(author) }} aria-hidden="true">
          {initial(author)}
        </span>
        <span id={`${id}-a`} class="post-author">
          {author}
        </span>
      </div>
      <p class="post-text">{text(post.text)}</p>
      {post.media && <img class="post-media" src={post.media.src} alt={text(post.media.alt)} />}
      <button
        type="button"
        class="post-source-button"
        aria-expanded={source}
        aria-controls={`${id}-s`}
        onClick={() => setSource(!source)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="10.5" cy="10.5" r="6" fill="#fff" />
          <path d="M15 15l5 5" />
        </svg>
        {t('feed.checkSource')}
      </button>
      <p id={`${id}-s`} class="post-source" hidden={!source}>
        {post.source ? text(post.source) : t('feed.noSource')}
      </p>
      <div class="post-actions" role="group" aria-label={t('feed.whatToDo', { author })}>
        {actions.map((a) => (
          <button
            key={a.id}
            type="button"
            class={`post-action${props.answer === a.id ? ' is-solution' : ''}`}
            aria-pressed={props.chosen === a.id}
            disabled={props.locked}
            onClick={() => props.onChoose(a.id)}
          >
            <ActionIcon action={a.id} />
            {text(a.label)}
          </button>
        ))}
      </div>
      {answer && (
        <p class="post-answer">
          <strong>{t('play.solutionLabel')}:</strong> {text(answer.label)}
        </p>
      )}
    </article>
  );
}

const initial = (name: string) => [...name.trim()][0]?.toUpperCase() ?? '?';

function tint(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return TINTS[h % TINTS.length]!;
}

/** Pictures for the usual action ids; an action with another id shows its words only. */
const ICONS: Readonly<Record<string, string>> = {
  like: 'M12 20s-7-4.4-7-9.5A3.9 3.9 0 0 1 12 8a3.9 3.9 0 0 1 7 2.5C19 15.6 12 20 12 20z',
  share: 'M5 13v6h14v-6M12 15V4M7.5 8.5 12 4l4.5 4.5',
  report: 'M6 21V4M6 4h11l-2.5 4L17 12H6',
  skip: 'M12 4v15M6.5 13.5 12 19l5.5-5.5',
  'dont-share': 'M5 5l14 14M19 5 5 19',
};

function ActionIcon({ action }: { action: string }) {
  const d = ICONS[action];
  if (!d) return null;
  return (
    <svg class="post-action-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

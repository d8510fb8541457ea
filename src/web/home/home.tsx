import { KiriMark } from './kiri-mark';

/** The home page of the foundation: Kiri and a welcome. The child's app replaces it. */
export function Home() {
  return (
    <main class="home">
      <KiriMark />
      <h1>Kite</h1>
      <p class="lead">Practise being safe, kind and confident online.</p>
      <p>
        A kite flies high because someone holds the string. Play, explore, and remember: there is
        always someone who can help.
      </p>
    </main>
  );
}

// The web project's test files share one jsdom (vitest `isolate: false`: setting a document up
// for each of them cost about 2 s each). This setup runs for every file, so each file still
// starts from an empty document: players mounted by a test are unmounted after it, and whatever
// a file left in the document or the storage is cleared after the file.
import { afterAll, afterEach } from 'vitest';
import { unmountPlayers } from '../players/testing/mount-player';

afterEach(() => {
  unmountPlayers();
});

afterAll(() => {
  document.body.replaceChildren();
  document.head.replaceChildren();
  localStorage.clear();
  sessionStorage.clear();
});

import { render } from 'preact';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles/base.css';
import './styles/pages.css';
import './styles/themes.css';
import { App } from './app/app';
import { registerServiceWorker } from './app/service-worker';
import { clientConfig } from './content/client';

// What the first screen waits for, started before the first render rather than after it:
// the deployment's settings, and a game page's code when the link is a game.
void clientConfig();
if (location.pathname.startsWith('/play/')) void import('./pages/play').catch(() => {});

const root = document.getElementById('app');
if (root) render(<App />, root);
registerServiceWorker();

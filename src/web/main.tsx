import { render } from 'preact';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles/base.css';
import './styles/pages.css';
import './styles/themes.css';
import { App } from './app/app';
import { registerServiceWorker } from './app/service-worker';

const root = document.getElementById('app');
if (root) render(<App />, root);
registerServiceWorker();

import { render } from 'preact';
import './studio.css';
import { Studio } from './studio';

// The recording studio: a document of its own (not the app shell), which the service worker
// never serves and which alone may use the microphone (docs/audio.md).
const root = document.getElementById('studio');
if (root) render(<Studio />, root);

import { render } from 'preact';
import './studio.css';
import { Studio } from './studio';
import { loadStudioStrings } from './strings';

// The recording studio: a document of its own (not the app shell), which the service worker
// never serves and which alone may use the microphone (docs/audio.md).
const root = document.getElementById('studio');
// Its words load first (English is bundled; another language is one small file).
if (root) void loadStudioStrings().finally(() => render(<Studio />, root));

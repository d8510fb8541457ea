import { render } from 'preact';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles/base.css';
import { Home } from './home/home';

const root = document.getElementById('app');
if (root) render(<Home />, root);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { askPeopleEarly } from './pages/sign-in/people';
// antd's styles, made at build time from the theme (scripts/antd-stylesheet.ts); before the
// app's own, which adjust them.
import 'virtual:antd.css';
import './styles.css';

// The sign-in screen's list is asked for at once, beside the session (pages/sign-in/people.ts).
askPeopleEarly();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

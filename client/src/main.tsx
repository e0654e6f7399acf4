import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const path = window.location.pathname;
const screen = path.startsWith('/wall')
  ? 'wall'
  : path.startsWith('/replay')
    ? 'replay'
    : 'console';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App screen={screen} />
  </StrictMode>,
);

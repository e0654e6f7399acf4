import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const screen = window.location.pathname.startsWith('/wall') ? 'wall' : 'console';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App screen={screen} />
  </StrictMode>,
);

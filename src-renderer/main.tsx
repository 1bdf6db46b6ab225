import { createRoot } from 'react-dom/client';
import { resolveTransport } from './api/transport.js';
import { App } from './app/App.js';
import { ApiProvider } from './hooks/ApiProvider.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/table.css';
import './styles/entry.css';
import './styles/forms.css';
import './styles/history.css';
import './styles/search.css';
import './styles/entry-parts.css';

/** One transport per window: Electron's preload, or the WebSocket to the browser host. */
const transport = resolveTransport();

createRoot(document.getElementById('root') as HTMLElement).render(
  <ApiProvider transport={transport}>
    <App />
  </ApiProvider>,
);

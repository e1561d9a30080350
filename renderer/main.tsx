// Must stay the first import: see the file for why.
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClientForWindow } from './api/client';
import { AppRoot } from './components/app-root';
import { createI18n } from './i18n/i18n';
import { createAppStore } from './stores/app-store';
import { parseRoute } from './stores/route';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/records.css';
import './styles/list.css';
import './styles/list-table.css';
import './styles/dialogs.css';
import './styles/import.css';
import './styles/jobs.css';
import './styles/reports.css';
import './styles/editing.css';
import './styles/backups.css';
import './styles/comments.css';
import './styles/warnings.css';
import './styles/enterprises.css';
import './styles/dashboard.css';
import './styles/exports.css';

// The transport is chosen once; it also takes the launch token out of the address bar, so the
// route is read afterwards.
const client = createClientForWindow(window);
const i18n = createI18n();
const store = createAppStore({ api: client.api, initialRoute: parseRoute(window.location.hash) });

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks the #root element');
createRoot(container).render(
  <StrictMode>
    <AppRoot client={client} i18n={i18n} store={store} />
  </StrictMode>,
);

/** Entry of the staff app (staff/index.html, served at /staff/). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles/base.css';
import './staff.css';
import { I18nProvider } from '../shared/i18n/I18nProvider.js';
import { Router } from '../shared/routing/router.js';
import { SessionProvider } from './auth/SessionProvider.js';
import { STAFF_MESSAGES } from './i18n/staff-messages.js';
import { StaffApp } from './StaffApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider catalogues={STAFF_MESSAGES}>
      <Router>
        <SessionProvider>
          <StaffApp />
        </SessionProvider>
      </Router>
    </I18nProvider>
  </StrictMode>,
);

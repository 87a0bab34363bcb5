/** Entry of the citizen portal (index.html, served at /). Nothing of the staff app may be imported from here. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles/base.css';
import './portal.css';
import { I18nProvider } from '../shared/i18n/I18nProvider.js';
import { PORTAL_MESSAGES } from './portal-messages.js';
import { PortalApp } from './PortalApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider catalogues={PORTAL_MESSAGES}>
      <PortalApp />
    </I18nProvider>
  </StrictMode>,
);

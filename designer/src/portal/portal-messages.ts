/** The citizen portal's texts, German first. Kept apart from the staff app's, so the portal bundle carries only these. */
const de = {
  'portal.name': 'Online-Dienste',
  'portal.skipToContent': 'Zum Inhalt springen',
  'portal.language': 'Sprache',
  'portal.welcome': 'Willkommen bei den Online-Diensten der Stadtverwaltung',
  'portal.intro': 'Hier stellen Sie Anträge und melden Anliegen online, in Deutsch oder Englisch.',
} as const;

export type PortalMessageKey = keyof typeof de;

const en: Record<PortalMessageKey, string> = {
  'portal.name': 'Online services',
  'portal.skipToContent': 'Skip to content',
  'portal.language': 'Language',
  'portal.welcome': 'Welcome to the city administration\'s online services',
  'portal.intro': 'Here you make applications and report matters online, in German or English.',
};

export const PORTAL_MESSAGES = { de, en };

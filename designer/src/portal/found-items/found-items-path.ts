/** Where the portal serves the found-items search (also a route of server/web/web-app.ts). */
export const FOUND_ITEMS_PATH = '/fundsachen';

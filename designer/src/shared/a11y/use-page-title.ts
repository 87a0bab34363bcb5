/**
 * Every page names itself: the document title changes with the route and keyboard focus moves to the page's main
 * heading, so screen reader users hear that a new page was opened (the single-page app never reloads).
 */
import { useEffect, useRef } from 'react';

export function usePageTitle(title: string, appName: string) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${appName}`;
  }, [title, appName]);
  useEffect(() => {
    // Only after a navigation inside the app, not on the first load, where focus belongs at the top of the page.
    if (window.history.state !== null || document.activeElement !== document.body) headingRef.current?.focus();
  }, []);
  return headingRef;
}

/**
 * A small History-API router: the apps have a handful of routes, so a path matcher and a context are enough.
 * Links are real `<a href>` elements (keyboard, middle-click and screen readers work as usual).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { confirmLeaving } from './leave-guard.js';

const IN_APP_ENTRY = { amtsflow: true };

interface RouterState {
  path: string;
  search: string;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterState | undefined>(undefined);

export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  const shown = useRef(location);
  shown.current = location;
  useEffect(() => {
    const onPop = () => {
      // Back or forward has changed the address already: declined, the page that stays gets it back.
      if (!confirmLeaving()) {
        window.history.pushState(IN_APP_ENTRY, '', `${shown.current.path}${shown.current.search}`);
        return;
      }
      setLocation({ path: window.location.pathname, search: window.location.search });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, { replace = false } = {}) => {
    if (!confirmLeaving()) return;
    // A non-null state marks an entry the app made itself: usePageTitle then moves focus to the new page's heading.
    if (replace) window.history.replaceState(IN_APP_ENTRY, '', to);
    else window.history.pushState(IN_APP_ENTRY, '', to);
    setLocation({ path: window.location.pathname, search: window.location.search });
  }, []);
  const value = useMemo(() => ({ ...location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside a Router');
  return router;
}

/** Matches `/staff/designer/processes/:processId` against a path; the parameters are decoded. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(pathParts[index]);
    else if (part !== pathParts[index]) return undefined;
  }
  return params;
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { navigate } = useRouter();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}

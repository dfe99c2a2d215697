// The URL is the state (Prometheus UI habit): pages and their parameters live in
// location, changed with pushState so back and forward restore them. A page with unsaved
// work can set a guard that is asked before any in-app navigation, links, back and forward.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};
const here = () => location.pathname + location.search;

/** Answers false to stay; it may then navigate itself later (after asking the user). */
export type NavigationGuard = (url: string) => boolean;
let guard: NavigationGuard | null = null;
let current = here();

/** Sets the guard (null removes it); returns a function that removes it if still set. */
export function setNavigationGuard(g: NavigationGuard | null): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

window.addEventListener('popstate', () => {
  const url = here();
  if (guard && !guard(url)) {
    // Back or forward already moved the address: put the page being left back on top.
    history.pushState(null, '', current);
    return;
  }
  current = url;
  notify();
});

export function navigate(url: string, opts: { replace?: boolean; force?: boolean } = {}): void {
  if (url === here()) return;
  if (!opts.force && guard && !guard(url)) return;
  history[opts.replace ? 'replaceState' : 'pushState'](null, '', url);
  current = here();
  notify();
}

/** Sets or removes search parameters on the current page. */
export function setParams(
  changes: Record<string, string | null>,
  opts: { replace?: boolean } = {},
): void {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  const qs = params.toString();
  navigate(location.pathname + (qs ? `?${qs}` : ''), opts);
}

/** Sets a repeated search parameter (`var-x=a&var-x=b`); an empty list removes it. */
export function setParamValues(
  name: string,
  values: readonly string[],
  opts: { replace?: boolean } = {},
): void {
  const params = new URLSearchParams(location.search);
  params.delete(name);
  for (const v of values) params.append(name, v);
  const qs = params.toString();
  navigate(location.pathname + (qs ? `?${qs}` : ''), opts);
}

export interface Loc {
  path: string;
  params: URLSearchParams;
}

export function useLocation(): Loc {
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const update = () => setLoc(read());
    listeners.add(update);
    // A child's effect may have navigated before this one subscribed (effects run child first).
    update();
    return () => {
      listeners.delete(update);
    };
  }, []);
  return loc;
}

function read(): Loc {
  return { path: location.pathname, params: new URLSearchParams(location.search) };
}

// Leaving with unsaved changes asks first: in the app (links, back, forward) through the
// router's guard, and in the browser (reload, close) through beforeunload.
import { useEffect, useRef } from 'preact/hooks';
import { setNavigationGuard } from '../../nav/router.ts';

/**
 * While `dirty`, navigation away from this page goes to `ask(url)` instead. The returned ref,
 * set to true, lets the page leave on purpose (after a save or a confirmed discard).
 */
export function useLeaveGuard(dirty: boolean, ask: (url: string) => void) {
  const leaving = useRef(false);
  const latest = useRef(ask);
  latest.current = ask;
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (leaving.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    // This page's path, taken now: on back and forward, location already shows where to.
    const path = location.pathname;
    const off = setNavigationGuard((url) => {
      if (leaving.current || new URL(url, location.href).pathname === path) return true;
      latest.current(url);
      return false;
    });
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      off();
    };
  }, [dirty]);
  return leaving;
}

// A grid panel drawn only once it comes near the viewport, and held still while it is away
// (the rules are in near-viewport.ts). A dashboard of thousands of panels opens with a few
// screens' worth of them querying and drawing; the rest are empty boxes in their grid cells
// until scrolled near. One IntersectionObserver watches every panel, as in Grafana.
import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Nearness } from './near-viewport.ts';
import { FAR, heldProps, NEAR_MARGIN, nextNearness } from './near-viewport.ts';

type Listener = (near: boolean) => void;
const listeners = new Map<Element, Listener>();
let observer: IntersectionObserver | null = null;

function watch(el: Element, listener: Listener): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) listeners.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: NEAR_MARGIN },
  );
  listeners.set(el, listener);
  observer.observe(el);
  return () => {
    listeners.delete(el);
    observer?.unobserve(el);
  };
}

/** Whether the element has come near the viewport, and whether it is near now. */
function useNearness(): [{ current: HTMLDivElement | null }, Nearness] {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<Nearness>(FAR);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver !== 'function') {
      setState({ loaded: true, near: true });
      return;
    }
    return watch(el, (near) => setState((s) => nextNearness(s, near)));
  }, []);
  return [ref, state];
}

/**
 * `Panel` with `props` once near the viewport; while away, with the props it had when it
 * left. `Panel` must be memoised (app/memo.ts), so that held props cost it no render at all:
 * a live tick of the dashboard then reaches only the panels near the viewport.
 */
export function LazyPanel<P extends object>({
  Panel,
  props,
}: {
  Panel: FunctionComponent<P>;
  props: P;
}) {
  const [ref, { loaded, near }] = useNearness();
  const held = useRef<P | undefined>(undefined);
  held.current = heldProps(near, props, held.current);
  return (
    <div class="lazy-panel" ref={ref} data-near={loaded ? String(near) : 'never'}>
      {loaded ? <Panel {...held.current} /> : <div class="panel panel-waiting" />}
    </div>
  );
}

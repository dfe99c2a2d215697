// Parts of the app most visits never use — the panel editor, settings, Inspect, Explore, the
// dashboard list, the export dialog, the heatmap, markdown, pie and timeline panels — are
// chunks of their own, fetched the first time they are shown, so a dashboard's first load
// carries only what it draws. Each imports its own stylesheet (PanelEditor.css beside
// PanelEditor.tsx), which Vite links with the chunk. `lazy` wraps such a chunk; until it is
// in, the fallback (or nothing) renders, and a chunk that cannot be fetched says so instead of
// leaving a hole.
import type { ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface Lazy<P> {
  (props: P): VNode | null;
  /** Starts fetching the chunk now (e.g. on hover), resolving when it is in. */
  preload: () => Promise<unknown>;
}

export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback?: ComponentType<P>,
): Lazy<P> {
  let chunk: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const get = () => {
    chunk ??= load().then((c) => {
      loaded = c;
      return c;
    });
    // A failed fetch may succeed later (a deploy, a flaky network): ask again next time.
    chunk.catch(() => {
      chunk = null;
    });
    return chunk;
  };
  function LazyComponent(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (C) return;
      let live = true;
      get().then(
        (c) => live && setC(() => c),
        (err: Error) => live && setError(err.message),
      );
      return () => {
        live = false;
      };
    }, []);
    if (C) return <C {...props} />;
    if (error) {
      return (
        <p class="lazy-error" role="alert">
          Part of the app could not be loaded ({error}). Reload the page to try again.
        </p>
      );
    }
    return Fallback ? <Fallback {...props} /> : null;
  }
  const out = LazyComponent as Lazy<P>;
  out.preload = get;
  return out;
}

// What a panel carries that is not drawn (contract/undrawn.ts), for the ⓘ beside its title.
// The rules are 12 KB of code the first paint does not need, so they are a chunk of their
// own, fetched once the first data panel has mounted (not before: its queries go first).
// Until the chunk is in, a panel lists nothing; it re-renders with the ⓘ when it arrives.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Json } from '../../contract/json.ts';
import type { Undrawn } from '../../contract/undrawn.ts';

type Reader = (panel: Json) => Undrawn[];

let reader: Reader | null = null;
let loading: Promise<Reader> | null = null;

function load(): Promise<Reader> {
  loading ??= import('../../contract/undrawn.ts').then((m) => {
    reader = m.undrawnOptions;
    return reader;
  });
  // A failed fetch (a deploy, a flaky network) is asked again by the next panel mounted.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The panel's undrawn options; [] until the rules are loaded. */
export function useUndrawn(panel: Json): Undrawn[] {
  const [read, setRead] = useState<Reader | null>(() => reader);
  useEffect(() => {
    if (read) return;
    let live = true;
    load().then(
      (r) => live && setRead(() => r),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => (read ? read(panel) : []), [read, panel]);
}

// Preact bindings for query-core. One QueryObserver per slot (not per key): when a slot's key
// changes on a live tick, the observer keeps showing its previous data until the new answer
// lands, so panels never flash empty. Unsubscribing cancels fetches nobody waits for.
import type { QueryObserverOptions, QueryObserverResult } from '@tanstack/query-core';
import { hashKey, QueryObserver } from '@tanstack/query-core';
import { useEffect, useReducer, useRef } from 'preact/hooks';
import { queryClient } from './client.ts';

export function useQueries<T>(
  list: QueryObserverOptions<T, Error>[],
): QueryObserverResult<T, Error>[] {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const observers = useRef<QueryObserver<T, Error>[]>([]).current;
  // What each observer was last given: key hash and enabled.
  const given = useRef<string[]>([]).current;
  while (observers.length < list.length) {
    observers.push(new QueryObserver<T, Error>(queryClient, list[observers.length]!));
  }
  const count = list.length;

  useEffect(() => {
    const active = observers.slice(0, count);
    const unsubscribe = active.map((o) => o.subscribe(() => rerender(0)));
    return () => {
      for (const u of unsubscribe) u();
    };
  }, [count]);

  // New options only when a slot's key or enabled changed: setOptions on every render (a
  // panel renders several times per tick) costs a lookup and an update of each observer. A
  // key names its whole request, so the same key means the same query function.
  useEffect(() => {
    list.forEach((options, i) => {
      const sig = `${options.enabled !== false}${hashKey(options.queryKey)}`;
      if (given[i] === sig) return;
      given[i] = sig;
      observers[i]!.setOptions(options);
    });
  });

  return list.map((options, i) =>
    observers[i]!.getOptimisticResult(queryClient.defaultQueryOptions(options)),
  );
}

export function useQuery<T>(
  options: QueryObserverOptions<T, Error>,
): QueryObserverResult<T, Error> {
  return useQueries<T>([options])[0]!;
}

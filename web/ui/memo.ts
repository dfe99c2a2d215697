// A component that re-renders only when a prop changed (compared with Object.is), as
// preact/compat's memo without pulling compat into the bundle: on a live tick a panel
// re-renders, and its chart or legend should not when what they show is the same.
import { Component, type ComponentChildren, type FunctionComponent, h } from 'preact';
import { useRef } from 'preact/hooks';

/** Same keys, each value the same (Object.is). */
export function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => k in rb && Object.is(ra[k], rb[k]));
}

export function memo<P extends object>(inner: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P & { children?: ComponentChildren }> {
    override shouldComponentUpdate(next: P): boolean {
      return !shallowEqual(this.props, next);
    }
    override render() {
      return h(inner as FunctionComponent<object>, this.props);
    }
  }
  (Memo as unknown as { displayName: string }).displayName = `Memo(${inner.name})`;
  return Memo as unknown as FunctionComponent<P>;
}

/** A function that stays the same across renders and calls the latest `fn`, so a memoised child given it does not re-render when only the caller's closure is new. */
export function useLatest<A extends unknown[], R>(
  fn: ((...args: A) => R) | undefined,
): ((...args: A) => R) | undefined {
  const ref = useRef(fn);
  ref.current = fn;
  const stable = useRef((...args: A) => ref.current!(...args)).current;
  return fn ? stable : undefined;
}

/** The previous value while `same` says the new one equals it, so memoised children see no change. */
export function useSameValue<T>(value: T, same: (a: T, b: T) => boolean): T {
  const ref = useRef(value);
  if (ref.current !== value && !same(ref.current, value)) ref.current = value;
  return ref.current;
}

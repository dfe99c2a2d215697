// What panel links may carry over from their dashboard (variables, time range); null outside
// a dashboard (Explore), where panels have no links.
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { Scope } from '../variables/format.ts';
import type { Variables } from '../variables/use-variables.ts';
import type { LinkEnv } from './links.ts';

export const LinkEnvContext = createContext<LinkEnv | null>(null);

export const useLinkEnvContext = () => useContext(LinkEnvContext);

/** What links carry over: the variables as selected and the range as written in the URL. */
export function useLinkEnv(
  vars: Variables,
  raw: { from: string; to: string },
  scope: Scope,
): LinkEnv {
  const variables = vars.states.map((s) => ({ name: s.def.name, values: s.selected }));
  const signature = JSON.stringify(variables);
  return useMemo(
    () => ({ scope, variables, time: { from: raw.from, to: raw.to } }),
    [scope, signature, raw.from, raw.to],
  );
}

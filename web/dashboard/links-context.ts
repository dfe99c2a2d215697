// What panel links may carry over from their dashboard (variables, time range); null outside
// a dashboard (Explore), where panels have no links.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LinkEnv } from './links.ts';

export const LinkEnvContext = createContext<LinkEnv | null>(null);

export const useLinkEnv = () => useContext(LinkEnvContext);

// The kind of the panel being drawn, for what opens inside it (Inspect): a context rather than
// an import of the registry, which would pull every kind's description into that lazy
// chunk's graph and make the bundler split the first load into more, smaller chunks.
import { createContext } from 'preact';
import type { PanelKind } from './plugin.tsx';

export const PanelKindContext = createContext<PanelKind | undefined>(undefined);

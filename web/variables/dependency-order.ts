// Which variables a variable depends on, and the order to resolve them in (pure): a variable's
// query, regex and datasource may name others, which must settle first. Apart from resolve.ts
// because it reads only the definitions, never options, answers or the URL.
import { referencedNames } from './format.ts';
import type { VariableDef } from './model.ts';

/** Each variable's parents: the other variables its query, regex and datasource name. */
export function parentsOf(defs: readonly VariableDef[]): Map<string, Set<string>> {
  const names = new Set(defs.map((d) => d.name));
  return new Map(
    defs.map((d) => {
      const text = `${d.query} ${d.regex} ${JSON.stringify(d.datasource ?? '')}`;
      const refs = [...referencedNames(text)].filter((n) => names.has(n) && n !== d.name);
      return [d.name, new Set(refs)] as const;
    }),
  );
}

/** Variables ordered so each comes after those its query, regex and datasource name. */
export function dependencyOrder(defs: readonly VariableDef[]): VariableDef[] {
  const deps = parentsOf(defs);
  const out: VariableDef[] = [];
  const done = new Set<string>();
  let progress = true;
  while (out.length < defs.length && progress) {
    progress = false;
    for (const d of defs) {
      if (done.has(d.name)) continue;
      if ([...deps.get(d.name)!].every((n) => done.has(n))) {
        out.push(d);
        done.add(d.name);
        progress = true;
      }
    }
  }
  // A cycle: the rest in list order; their references to each other stay as written.
  for (const d of defs) if (!done.has(d.name)) out.push(d);
  return out;
}

// Legend clicks, as in Grafana and the Prometheus UI: a click isolates a series (clicking the
// isolated one again shows all), ctrl/cmd-click toggles just that one. Series are keyed, so
// the choice survives live ticks.

export function nextHidden(
  keys: readonly string[],
  hidden: ReadonlySet<string>,
  clicked: string,
  toggle: boolean,
): Set<string> {
  if (toggle) {
    const next = new Set(hidden);
    if (next.has(clicked)) next.delete(clicked);
    else next.add(clicked);
    return next;
  }
  const isolated = !hidden.has(clicked) && keys.every((k) => k === clicked || hidden.has(k));
  return isolated ? new Set() : new Set(keys.filter((k) => k !== clicked));
}

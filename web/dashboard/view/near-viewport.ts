// Which grid panels are near the viewport (pure rules; LazyPanel.tsx observes). As Grafana's
// LazyLoader: a panel is drawn, and asks Prometheus anything, only once it first comes near
// the viewport, and then stays drawn with its data. As Grafana's refreshWhenInView: a drawn
// panel scrolled away skips live ticks, refreshes and variable changes, and catches up with
// all of them at once when it comes near again.
// https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/dashgrid/LazyLoader.tsx

/**
 * How far beyond the viewport "near" reaches: half a screen above and below (Grafana: 100 to
 * 200 px). A little more than Grafana, so that a panel has its answer before it scrolls in,
 * while a dashboard of thousands of panels still asks only for a few screens' worth.
 */
export const NEAR_MARGIN = '50% 0px';

export interface Nearness {
  /** Has been near the viewport once: drawn from then on. */
  loaded: boolean;
  /** Near the viewport now: follows the dashboard's time, variables and ticks. */
  near: boolean;
}

export const FAR: Nearness = { loaded: false, near: false };

/** The state after the observer reports the panel near (true) or away (false). */
export function nextNearness(prev: Nearness, near: boolean): Nearness {
  const loaded = prev.loaded || near;
  return loaded === prev.loaded && near === prev.near ? prev : { loaded, near };
}

/**
 * The props a loaded panel draws with: the current ones while near; while away, those it had
 * when it left, so nothing it shows changes and nothing is asked for until it is back.
 */
export function heldProps<P>(near: boolean, current: P, held: P | undefined): P {
  return near || held === undefined ? current : held;
}

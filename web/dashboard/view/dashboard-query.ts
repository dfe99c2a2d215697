// The query that loads a dashboard's JSON, shared by the page that shows it and by the shell,
// which starts it at once: the page mounts only once the datasource list is in (it needs
// the selected datasource), and a dashboard asked for only then was one more round trip
// on the way to the first panel drawn. Started beside the datasource list, both arrive
// together; the page then finds the answer in the query cache (same key) or waits for
// the one on its way, never asking twice.
import type { DashboardResponse } from '../../api/server.ts';
import { getDashboard } from '../../api/server.ts';
import { unitsIn, unitsReady } from '../../fields/units.ts';

export function dashboardQuery(uid: string) {
  return {
    queryKey: ['dashboard', uid] as const,
    // A dashboard in a rare unit waits for the unit catalogue, so that it never draws a
    // value in the wrong unit; one in common units only does not wait for it.
    queryFn: async ({ signal }: { signal?: AbortSignal }): Promise<DashboardResponse> => {
      const res = await getDashboard(uid, signal);
      await unitsReady(unitsIn(res.dashboard));
      return res;
    },
  };
}

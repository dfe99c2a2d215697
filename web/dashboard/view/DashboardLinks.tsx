// The dashboard's links, right of its variables as in Grafana: a URL link, or the dashboards
// carrying some tags (each a link, or one dropdown). The dashboard list is asked for only
// when a tag link needs it, and shared with the list page's query.
import { searchDashboards } from '../../api/server.ts';
import { LinkItem, LinksMenu } from '../../links/LinkList.tsx';
import type { DashboardLink, LinkEnv } from '../../links/links.ts';
import { resolveDashboardsLink, resolveUrlLink } from '../../links/links.ts';
import { useQuery } from '../../query/use-queries.ts';

interface Props {
  links: readonly DashboardLink[];
  env: LinkEnv;
  /** This dashboard, left out of its own tag links. */
  uid: string;
}

export function DashboardLinks({ links, env, uid }: Props) {
  const hits = useQuery({
    queryKey: ['search'],
    queryFn: ({ signal }) => searchDashboards(signal),
    enabled: links.some((l) => l.type === 'dashboards'),
  });
  if (links.length === 0) return null;
  return (
    <nav class="dashboard-links" aria-label="Dashboard links">
      {links.map((l, i) => {
        const key = `${i}-${l.title}`;
        if (l.type === 'link') return <LinkItem key={key} link={resolveUrlLink(l, env)} />;
        const found = resolveDashboardsLink(l, hits.data ?? [], uid, env);
        if (l.asDropdown) {
          return (
            <LinksMenu
              key={key}
              label={l.title || 'Dashboards'}
              links={found}
              class="link-dropdown"
            />
          );
        }
        return found.map((r) => <LinkItem key={`${key}-${r.title}`} link={r} />);
      })}
    </nav>
  );
}

// The Rules page in pages of rule groups, where the server pages them: Prometheus 3 (and
// Mimir's ruler) answer at most `group_limit` groups and a `groupNextToken` for the rest
// (https://prometheus.io/docs/prometheus/latest/querying/api/#rules). The page asks for the
// pages it has loaded so far, in order, at every refresh, and shows "Load more" while a token
// is left. A server that ignores group_limit (Prometheus before 3.0) answers every group at
// once without a token: one page, as before.
import type { RulesData } from '../../contract/prometheus.ts';

/** Rule groups per page: a screenful or two of groups, a small answer for the server. */
export const GROUP_LIMIT = 50;

/**
 * Asks page after page, each with the token the previous one gave, `pages` pages at most or
 * until no token is left: every group in the order the server gave them, and the token of
 * what is still left, if any.
 */
export async function fetchRulePages(
  ask: (token: string | undefined) => Promise<RulesData>,
  pages: number,
): Promise<RulesData> {
  const groups: RulesData['groups'] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let i = 0; i < Math.max(1, pages); i++) {
    const page = await ask(token);
    groups.push(...page.groups);
    token = page.groupNextToken;
    // A token seen before would only ask the same groups again.
    if (!token || seen.has(token)) {
      token = undefined;
      break;
    }
    seen.add(token);
  }
  return token ? { groups, groupNextToken: token } : { groups };
}

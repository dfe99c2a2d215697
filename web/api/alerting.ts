// Prometheus' rules (with their alerts) and targets through the proxy (GET only, server/proxy/
// endpoint-params.ts), read with the contract's readers so that a server answering in a
// slightly different shape (Thanos, Mimir, VictoriaMetrics) still gives whole records.
import {
  type RulesData,
  readRules,
  readTargets,
  type TargetsData,
} from '../../contract/prometheus.ts';
import { promGet } from './client.ts';

/**
 * `type`: only alerting or only recording rules, as Prometheus filters them. `page`: at most
 * `limit` groups, from `token` on (Prometheus 3's group_limit and group_next_token; older
 * servers ignore both and answer every group, without a groupNextToken).
 */
export async function getRules(
  dsUid: string,
  signal?: AbortSignal,
  type?: 'alert' | 'record',
  page?: { limit: number; token?: string },
): Promise<RulesData> {
  const params: Record<string, string> = {
    ...(type ? { type } : {}),
    ...(page ? { group_limit: String(page.limit) } : {}),
    ...(page?.token ? { group_next_token: page.token } : {}),
  };
  return readRules((await promGet<unknown>(dsUid, 'rules', params, signal)).data);
}

export async function getTargets(dsUid: string, signal?: AbortSignal): Promise<TargetsData> {
  return readTargets((await promGet<unknown>(dsUid, 'targets', { state: 'active' }, signal)).data);
}

// The datasources the server starts with: PROMETHEUS_URL's built-in one and those of
// PROVISIONING_DIR. A provisioned datasource with the built-in's uid replaces it, a
// provisioned default takes the default from it, and when PROMETHEUS_URL is not set and the
// files give a Prometheus datasource, the built-in localhost:9090 one is not added at all.
import type { Datasource } from '../datasources/registry.ts';
import type { DatasourceProvisioning } from './datasources.ts';

export function startingDatasources(
  builtIn: Datasource,
  builtInGiven: boolean,
  provisioned: DatasourceProvisioning | null,
): Datasource[] {
  if (!provisioned) return [builtIn];
  const files = provisioned.datasources;
  const keepBuiltIn =
    (builtInGiven || files.length === 0) &&
    !provisioned.deleted.includes(builtIn.name) &&
    !files.some((d) => d.uid === builtIn.uid || d.url === builtIn.url);
  const list = keepBuiltIn ? [{ ...builtIn }, ...files] : [...files];
  const hasDefault = files.some((d) => d.isDefault);
  if (hasDefault && keepBuiltIn) list[0]!.isDefault = false;
  if (!list.some((d) => d.isDefault) && list[0]) list[0].isDefault = true;
  return list;
}

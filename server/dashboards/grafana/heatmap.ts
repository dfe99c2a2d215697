// Heatmap panels are kept as they came: Promscope reads both the current options and the old
// Angular fields (dataFormat, yAxis.format, color.colorScheme, cards…) the way Grafana's own
// migration does, so an old panel still opens in Grafana exactly as it was. Only what is not
// drawn is reported.
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/heatmap/migrations.ts
import { isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import type { IssueLog, Json } from './types.ts';

export function reportHeatmap(panel: Json, path: string, log: IssueLog): void {
  const options = isRecord(panel.options) ? panel.options : {};
  const legacy = Object.keys(options).length === 0; // Grafana migrates only then
  if (legacy) {
    const yAxis = isRecord(panel.yAxis) ? panel.yAxis : {};
    if ((parseFiniteNumber(yAxis.logBase) ?? 1) > 1)
      log.add(panel, `${path}.yAxis.logBase`, 'heatmap log-scale buckets are drawn linear');
    return;
  }
  const calculation = isRecord(options.calculation) ? options.calculation : {};
  const yBuckets = isRecord(calculation.yBuckets) ? calculation.yBuckets : {};
  const scale = isRecord(yBuckets.scale) ? yBuckets.scale : {};
  if (scale.type === 'log')
    log.add(
      panel,
      `${path}.options.calculation.yBuckets.scale`,
      'heatmap log-scale buckets are drawn linear',
    );
  if (options.showValue === 'always')
    log.add(panel, `${path}.options.showValue`, 'heatmap cell values are not written in the cells');
}

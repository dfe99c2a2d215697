// An interval variable's "auto" value (pure): the dashboard's range over the variable's
// auto_count steps, rounded to a nice interval as Grafana's kbn.roundInterval does. Apart from
// resolve.ts because it is Grafana's table, not resolution: resolve.ts only asks for it.
import { formatDuration, parseDuration } from '../time/duration.ts';

/** Grafana's kbn.roundInterval: a "nice" interval near the one given (ms). */
export function roundInterval(ms: number): number {
  const table: [below: number, nice: number][] = [
    [15, 10],
    [35, 20],
    [75, 50],
    [150, 100],
    [350, 200],
    [750, 500],
    [1_500, 1_000],
    [3_500, 2_000],
    [7_500, 5_000],
    [12_500, 10_000],
    [17_500, 15_000],
    [25_000, 20_000],
    [45_000, 30_000],
    [90_000, 60_000],
    [210_000, 120_000],
    [450_000, 300_000],
    [750_000, 600_000],
    [1_050_000, 900_000],
    [1_500_000, 1_200_000],
    [2_700_000, 1_800_000],
    [5_400_000, 3_600_000],
    [9_000_000, 7_200_000],
    [16_200_000, 10_800_000],
    [32_400_000, 21_600_000],
    [86_400_000, 43_200_000],
    [604_800_000, 86_400_000],
    [1_814_400_000, 604_800_000],
    [3_628_800_000, 2_592_000_000],
  ];
  for (const [below, nice] of table) if (ms < below) return nice;
  return 31_536_000_000;
}

/** An interval variable's "auto": the range over auto_count steps, no finer than auto_min. */
export function autoInterval(rangeMs: number, count: number, min: string): string {
  const floor = parseDuration(min) ?? 10_000;
  return formatDuration(roundInterval(Math.max(rangeMs / Math.max(1, count), floor)));
}

// Mirrors the Prometheus HTTP API: https://prometheus.io/docs/prometheus/latest/querying/api/

/** The envelope every Prometheus API answer comes in. */
export type APIResponse<T> =
  | { status: 'success'; data: T; warnings?: string[]; infos?: string[] }
  | { status: 'error'; errorType: string; error: string; warnings?: string[]; infos?: string[] };

export type Metric = Record<string, string>;

/** [unix seconds, value as Prometheus prints it: "1.5", "NaN", "+Inf"] */
export type SamplePair = [number, string];

export interface RangeSeries {
  metric: Metric;
  values?: SamplePair[];
}

export interface InstantSeries {
  metric: Metric;
  value?: SamplePair;
}

export type QueryData =
  | { resultType: 'matrix'; result: RangeSeries[] }
  | { resultType: 'vector'; result: InstantSeries[] }
  | { resultType: 'scalar'; result: SamplePair }
  | { resultType: 'string'; result: SamplePair };

export interface MatrixData {
  resultType: 'matrix';
  result: RangeSeries[];
}

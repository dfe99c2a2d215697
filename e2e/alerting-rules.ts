// The rules the e2e Prometheus evaluates (passed to the demo stack's rules file), for
// e2e/ui/alerting.spec.ts and e2e/api/alerting.spec.ts: one alert that fires from the first
// evaluation on, one that stays pending for an hour (longer than any run), and one recording
// rule. With them, a scrape job on a closed loopback port gives a target that is down.
export const E2E_RULES = `groups:
  - name: promscope-e2e
    rules:
      - alert: PromscopeAlwaysFiring
        expr: vector(1)
        labels:
          severity: warning
        annotations:
          summary: Always firing, for the end-to-end tests
      - alert: PromscopePending
        expr: vector(1)
        for: 1h
        labels:
          severity: info
        annotations:
          summary: Pending for an hour, for the end-to-end tests
      - record: job:up:sum
        expr: sum by (job) (up)
`;

/** The scrape job whose one target is down. */
export const DOWN_JOB = 'down';

// One closing line for the whole `npm test`: unit (vitest) and e2e (Playwright) together,
// read from the JSON reports both runners write to .test-reports/.
import { readFileSync } from 'node:fs';

const read = (f) =>
  JSON.parse(readFileSync(new URL(`../.test-reports/${f}`, import.meta.url), 'utf8'));
const unit = read('unit.json');
const e2e = read('e2e.json').stats;

const passed = unit.numPassedTests + e2e.expected;
const failed = unit.numFailedTests + e2e.unexpected + e2e.flaky;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.skipped;
console.log(`\nunit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
console.log(`e2e: ${e2e.expected} passed, ${e2e.unexpected + e2e.flaky} failed`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

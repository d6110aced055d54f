// Mocha's spec reporter, which also writes the run's counts as JSON for scripts/test.mjs:
//   npx mocha --reporter ./scripts/mocha-results-reporter.cjs --reporter-option output=FILE
// FILE gets {"passed":N,"failed":M,"skipped":K} once the run ends (failed includes failed hooks, as mocha counts).
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const Mocha = require('mocha');

class SpecWithResults extends Mocha.reporters.Spec {
  constructor(runner, options = {}) {
    super(runner, options);
    const output = options.reporterOption?.output;
    if (!output) throw new Error('mocha-results-reporter: give the results file with --reporter-option output=FILE');
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = this.stats;
      mkdirSync(dirname(output), { recursive: true });
      writeFileSync(output, `${JSON.stringify({ passed: passes, failed: failures, skipped: pending })}\n`);
    });
  }
}

module.exports = SpecWithResults;

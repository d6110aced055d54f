/**
 * What both entries of the integration suite (suite/index.ts, restricted/index.ts) do in the extension host: run
 * their test files with mocha's programmatic API, and, when the runner asks for it (SUITE_RESULTS_ENV), write the
 * counts to a results file it reads. The promise's outcome is the suite's result.
 */
import Mocha from 'mocha';
import { mochaCounts, SUITE_RESULTS_ENV, writeResults } from '../../scripts/test-results';

export function runSuite(name: string, load: () => void): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, name, mocha);
  load(); // after pre-require, so that describe/it exist
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env[SUITE_RESULTS_ENV];
      try {
        if (file) writeResults(file, mochaCounts(runner.stats));
      } catch (error) {
        reject(new Error(`could not write the results to ${file}: ${(error as Error).message}`));
        return;
      }
      if (failures) reject(new Error(`${failures} test(s) of ${name} failed`));
      else resolve();
    });
  });
}

/**
 * Entry of the integration suite, loaded by VS Code into a real extension host (extensionTestsPath). Runs the
 * tests with mocha's programmatic API; the promise's outcome is the suite's result.
 */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'vscode-suite', mocha);
  // Loaded after pre-require so that describe/it exist; in order, since they share one window and its accounts.
  require('./recipe-editing.test');
  require('./linked-account.test');
  require('./workspace-check.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}

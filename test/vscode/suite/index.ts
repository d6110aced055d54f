/**
 * Entry of the integration suite, loaded by VS Code into a real extension host (extensionTestsPath). Runs the
 * tests with mocha's programmatic API; the promise's outcome is the suite's result.
 */
import { runSuite } from '../suite-entry';

export function run(): Promise<void> {
  return runSuite('vscode-suite', () => {
    // In order, since they share one window and its accounts.
    require('./recipe-editing.test');
    require('./linked-account.test');
    require('./required-permissions.test');
    require('./workspace-check.test');
    require('./json-recipes.test');
    require('./oauth.test');
  });
}

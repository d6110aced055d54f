/** Entry of the restricted-mode suite: the same extension in an untrusted workspace. */
import { runSuite } from '../suite-entry';

export function run(): Promise<void> {
  return runSuite('restricted-suite', () => {
    require('./restricted-mode.test');
  });
}

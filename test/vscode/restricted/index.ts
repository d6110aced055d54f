/** Entry of the restricted-mode suite: the same extension in an untrusted workspace. */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'restricted-suite', mocha);
  require('./restricted-mode.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} restricted-mode test(s) failed`)) : resolve()));
  });
}

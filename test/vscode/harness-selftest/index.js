// Test entry loaded by VS Code into the extension host (extensionTestsPath); run() settles = exit code.
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30000, color: false });
  mocha.addFile(path.join(__dirname, 'selftest.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
};

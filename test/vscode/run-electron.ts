/**
 * The same integration suite on desktop VS Code, for machines that can download it from Microsoft (public CI,
 * developers' laptops): `npx tsx test/vscode/run-electron.ts`. These machines can't; they use run-suite.ts.
 */
import { runTests } from '@vscode/test-electron';
import { SUITE_BUNDLE, suiteFixture } from './suite-fixture';
import { ROOT } from './workspace';

async function main(): Promise<void> {
  const fixture = await suiteFixture();
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_BUNDLE,
      extensionTestsEnv: fixture.env,
      launchArgs: [fixture.workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    await fixture.dispose();
  }
}

main().catch((error: Error) => {
  console.error(`VS Code integration suite failed: ${error.message}`);
  process.exit(1);
});

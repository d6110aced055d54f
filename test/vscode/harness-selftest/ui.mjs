// UI check by hand: node test/vscode/harness-selftest/ui.mjs [out.png]
// Opens the workbench with the selftest extension, hovers its squiggle, runs its command from the
// palette, opens the Problems panel and saves a screenshot (default test-artifacts/vscode/harness-selftest-ui.png).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFile, runCommand, waitForWorkbench, withVsCode } from '../../../scripts/vscode-here/run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? 'test-artifacts/vscode/harness-selftest-ui.png';

await withVsCode({ extensionDevelopmentPath: here, workspace: join(here, 'workspace') }, async ({ page }) => {
  const t0 = Date.now();
  await waitForWorkbench(page);
  console.log(`workbench restored after ${Date.now() - t0} ms`);
  await openFile(page, 'notes.txt');
  const squiggle = page.locator('.squiggly-warning').first();
  await squiggle.waitFor();
  await runCommand(page, 'View: Focus Problems');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'TODO left in text' }).first().waitFor();
  await runCommand(page, 'Harness Selftest: Count TODOs');
  await page.locator('.notification-toast', { hasText: '2 TODO(s) in the active file' }).waitFor();
  await squiggle.hover({ force: true }); // the squiggle is drawn under the text layer, which gets the mouse
  await page.locator('.monaco-hover', { hasText: 'TODO left in text' }).waitFor();
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out} (${Date.now() - t0} ms)`);
});

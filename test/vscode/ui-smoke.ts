/**
 * UI smoke test in the real workbench: with the demo account linked from the environment, a recipe's squiggle is
 * hovered and the Problems panel opened, and both are saved as screenshots in test-artifacts/vscode/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { DEMO_ACCOUNT_ENV, ROOT } from './workspace';

export interface Harness {
  runTests(options: object): Promise<number>;
  withVsCode<T>(options: object, fn: (ctx: { page: Page }) => Promise<T>): Promise<T>;
  waitForWorkbench(page: Page): Promise<void>;
  openFile(page: Page, relativePath: string): Promise<void>;
  runCommand(page: Page, label: string): Promise<void>;
  startVsCode(options: object): Promise<{ url: string; exited: Promise<unknown>; stop(): Promise<void> }>;
}

export async function loadHarness(): Promise<Harness> {
  return (await import(pathToFileURL(join(ROOT, 'scripts', 'vscode-here', 'run.mjs')).href)) as Harness;
}

/** Resolves when the element's animations (and its children's) have finished, e.g. a hover's fade-in. */
async function animationsDone(element: Locator): Promise<void> {
  type Animated = { getAnimations(options: { subtree: boolean }): { finished: Promise<unknown> }[] };
  await element.evaluate((el) => Promise.all((el as unknown as Animated).getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined))));
}

/** Resolves once the page has drawn two more frames: what the last input changed is on screen. */
async function framesDrawn(page: Page): Promise<void> {
  type Framed = { requestAnimationFrame(callback: () => void): number };
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const w = globalThis as unknown as Framed;
        w.requestAnimationFrame(() => w.requestAnimationFrame(() => resolve()));
      }),
  );
}

/**
 * Hovers a squiggle and takes a screenshot of the hover once it has faded in. Fails when the hover's first screen
 * doesn't fit: its content scrolls, or it reaches past the window, so part of it is clipped.
 */
async function hoverShot(page: Page, squiggle: Locator, text: string, path: string): Promise<void> {
  await squiggle.hover({ force: true });
  const hover = page.locator('.monaco-hover', { hasText: text }).first();
  await hover.waitFor({ timeout: 15_000 });
  await page.locator('.monaco-hover', { hasText: '✗' }).first().waitFor();
  await animationsDone(hover); // the hover fades in
  await framesDrawn(page);
  type Box = { scrollHeight: number; clientHeight: number; getBoundingClientRect(): { top: number; bottom: number } };
  const fit = await hover.evaluate((el) => {
    const box = el as unknown as Box & { querySelector(s: string): Box | null };
    const content = box.querySelector('.monaco-scrollable-element > .monaco-hover-content') ?? box.querySelector('.monaco-hover-content') ?? box;
    const rect = box.getBoundingClientRect();
    const height = (globalThis as unknown as { innerHeight: number }).innerHeight;
    return { scrolls: content.scrollHeight > content.clientHeight + 1, top: rect.top, bottom: rect.bottom, height };
  });
  await page.screenshot({ path });
  if (fit.scrolls || fit.top < 0 || fit.bottom > fit.height) throw new Error(`the ${text} hover is clipped: ${JSON.stringify(fit)}`);
}

export async function takeScreenshots(options: { workspace: string; simUrl: string; artifacts: string }): Promise<void> {
  const { withVsCode, waitForWorkbench, openFile, runCommand } = await loadHarness();
  mkdirSync(options.artifacts, { recursive: true });
  const env = { JIRA_SITE: options.simUrl, ...DEMO_ACCOUNT_ENV };
  const settings = { 'editor.wordWrap': 'on', 'editor.hover.delay': 100, 'workbench.colorTheme': 'Default Light Modern' };
  await withVsCode(
    { extensionDevelopmentPath: ROOT, workspace: options.workspace, env, settings, viewport: { width: 1440, height: 900 } },
    async ({ page }) => {
      await waitForWorkbench(page);
      await openFile(page, 'escalate-urgent-bugs.recipe.yaml');
      // Two errors once the account's permissions are in: the webhook trigger and the close step.
      const squiggles = page.locator('.squiggly-error');
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('.squiggly-error').length >= 2,
        null,
        { timeout: 60_000 },
      );
      await page.locator('.statusbar-item', { hasText: 'Jira: jan@acme.example · 2 missing' }).first().waitFor();
      await page.screenshot({ path: join(options.artifacts, 'recipe.png') });

      const boxes = await squiggles.evaluateAll((els) =>
        els.map((e) => (e as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top),
      );
      const lowest = boxes.indexOf(Math.max(...boxes)); // the close step, below the trigger
      await hoverShot(page, squiggles.nth(lowest), 'CLOSE_ISSUES', join(options.artifacts, 'hover.png'));
      await page.mouse.move(5, 5);
      await page.locator('.monaco-hover', { hasText: 'CLOSE_ISSUES' }).first().waitFor({ state: 'hidden' });
      // The trigger sits near the top of the file, where a long hover used to be cut mid-table.
      await hoverShot(page, squiggles.nth(boxes.indexOf(Math.min(...boxes))), 'ADMINISTER', join(options.artifacts, 'trigger-hover.png'));

      await page.mouse.move(5, 5);
      await runCommand(page, 'View: Focus Problems');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'CLOSE_ISSUES' }).first().waitFor();
      await page.screenshot({ path: join(options.artifacts, 'problems.png') });

      await runCommand(page, 'Jira Recipe Lint: Link Jira Account');
      const input = page.locator('.quick-input-widget', { hasText: 'Link Jira Account (1/3): site' });
      await input.waitFor();
      await page.keyboard.type('https://your-site.atlassian.net');
      await page.screenshot({ path: join(options.artifacts, 'link.png') });
      await page.keyboard.press('Escape');
      console.log(`UI smoke test: screenshots in ${options.artifacts} (recipe.png, hover.png, trigger-hover.png, problems.png, link.png)`);
    },
  );
}

// Runs a real VS Code (the server + web workbench shipped in code-server's npm package, installed by
// ./install.sh) with an extension under development, in headless Debian Chromium driven by Playwright.
// Two uses:
//   - integration tests: `runTests(...)` / the CLI below load a mocha entry into the real Node
//     extension host (the mechanism VS Code uses for its own browser integration tests);
//   - UI checks: `withVsCode(...)` hands a Playwright page of the workbench to a function.
// Why not @vscode/test-electron: it downloads VS Code from Microsoft, which this network can't reach.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_DIR = resolve(here, '../../.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node_modules/code-server/lib/vscode');
const CHROMIUM = '/usr/bin/chromium';
// Flags that work on a closed network (no component updates, sync or other background fetches);
// the resolver rule keeps the workbench from even looking up outside hosts (its extension gallery). 127.0.0.2 is the
// loopback address of the simulated Atlassian origins, which VS Code must not take for this machine's localhost.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2',
];
const BASE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never', // else a toast about the enclosing repo covers the UI
};

/**
 * Starts VS Code's server and a headless Chromium on the workbench, calls `fn(ctx)`, then always
 * cleans up (browser, server process group, temp dirs), also when `fn` throws or the server dies.
 *
 * options:
 *   extensionDevelopmentPath  folder of the extension under development (required)
 *   workspace                 folder to open (required)
 *   extensionTestsPath        test entry module exporting run(); omit for UI use
 *   env                       extra env vars for the server, hence for the extension host's process.env
 *   settings                  extra user settings
 *   restricted                open the workspace untrusted (restricted mode) instead of turning trust off
 *   viewport                  { width, height }, default 1400x900
 *   onLog(type, text)         extension host / workbench log lines (test mode) and browser console
 * ctx: { page, url, dataDir, exit, serverOutput }
 *   page          Playwright Page of the workbench (already navigated; see waitForWorkbench)
 *   exit          Promise<{ code, logs }> settled when the test entry's run() settles (test mode only)
 *   serverOutput  () => the last 20 kB of the server's stdout+stderr
 */
export async function withVsCode(options, fn) {
  const { viewport = { width: 1400, height: 900 }, onLog = () => {} } = options;
  const vscode = await startVsCode(options);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // Clipboard access lets tests read what a command copied (e.g. an access request).
    const page = await browser.newPage({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
    let exited;
    const exit = new Promise((res) => {
      exited = res;
    });
    // Called by the workbench: log lines of the extension host and workbench while tests run, and
    // the result of the test entry's run() (0 = resolved, 1 = rejected) with the workbench's logs.
    await page.exposeFunction('codeAutomationLog', (type, args) => onLog(type, format(...args)));
    await page.exposeFunction('codeAutomationExit', (code, logs) => exited({ code, logs }));
    page.on('console', (m) => onLog(`browser ${m.type()}`, m.text()));
    await page.goto(vscode.url);
    // A dead server or browser page would otherwise only surface as a timeout in fn.
    const died = new Promise((_, reject) => {
      vscode.exited.then((c) => reject(new Error(`VS Code server exited early (${c}):\n${vscode.serverOutput()}`)));
      page.on('crash', () => reject(new Error('Chromium page crashed')));
    });
    return await Promise.race([fn({ page, url: vscode.url, dataDir: vscode.dataDir, exit, serverOutput: vscode.serverOutput }), died]);
  } finally {
    await browser?.close().catch(() => {});
    await vscode.stop();
  }
}

/**
 * Starts VS Code's server with the extension under development and returns the workbench URL to open
 * in any browser; `stop()` ends the server's process group and removes its temp dirs. Options as for
 * withVsCode, plus `port` (default 0: the OS picks one).
 */
export async function startVsCode(options) {
  const { extensionDevelopmentPath, workspace, extensionTestsPath, env = {}, settings = {}, port: wanted = 0, restricted = false } = options;
  if (!existsSync(join(VSCODE_DIR, 'out/server-main.js'))) {
    throw new Error(`VS Code is not installed in ${VSCODE_DIR}: run scripts/vscode-here/install.sh`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'vscode-here-'));
  let server;
  // If the process exits early (Ctrl+C in the CLI, process.exit in a caller), still leave nothing behind.
  const onExit = () => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const userDataDir = join(dataDir, 'user-data');
    // restricted: workspace trust stays on, and a test window never grants it, so the workspace is untrusted.
    const trust = restricted ? { 'security.workspace.trust.enabled': true } : {};
    const allSettings = JSON.stringify({ ...BASE_SETTINGS, ...trust, ...settings }, null, 2);
    // The web workbench of code-server keeps user settings on the server, under <user-data-dir>/User.
    await mkdir(join(userDataDir, 'User'), { recursive: true });
    await writeFile(join(userDataDir, 'User/settings.json'), allSettings);

    server = startServer(dataDir, userDataDir, env, wanted, restricted);
    const port = await server.port;
    const authority = `127.0.0.1:${port}`;
    const remote = (p) => `vscode-remote://${authority}${resolve(p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ['skipWelcome', 'true'],
    ];
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    const url = `http://${authority}/?folder=${encodeURIComponent(resolve(workspace))}` + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return { url, dataDir, exited: server.exited, serverOutput: server.output, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function startServer(dataDir, userDataDir, env, listenPort = 0, restricted = false) {
  const args = [
    join(VSCODE_DIR, 'out/server-main.js'),
    '--host',
    '127.0.0.1',
    '--port',
    String(listenPort), // 0: the OS picks a free port; the server prints it
    '--without-connection-token',
    '--accept-server-license-terms',
    '--user-data-dir',
    userDataDir,
    '--server-data-dir',
    join(dataDir, 'server-data'),
    '--extensions-dir',
    join(dataDir, 'extensions'),
    ...(restricted ? [] : ['--disable-workspace-trust']),
    '--telemetry-level',
    'off',
    '--enable-smoke-test-driver',
    // The extension host's env is {...server env, ...login-shell env}. Skip the login shell so it
    // is exactly the server's env (and no profile script can override or slow it).
    '--force-disable-user-env',
  ];
  // detached: own process group, so stop() reaches the extension host, pty host and watchers too.
  const child = spawn(process.execPath, args, {
    // An empty gallery (code-server reads EXTENSIONS_GALLERY) stops lookups of open-vsx.org.
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise((res) => child.once('exit', (code, signal) => res(signal ?? code)));
  const port = new Promise((res, reject) => {
    const onData = (d) => {
      out = (out + d).slice(-20000);
      const m = /listening on (\d+)/.exec(out);
      if (m) res(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((c) => reject(new Error(`VS Code server exited (${c}) before listening:\n${out}`)));
    child.once('error', reject);
  });
  function kill(signal) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  }
  return {
    port,
    exited,
    kill,
    output: () => out,
    async stop() {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      kill('SIGKILL'); // children that outlived the server
    },
  };
}

/** Waits until the workbench has restored (editors, panels, views) after page load. */
export async function waitForWorkbench(page, timeout = 60000) {
  // These run in the page, where `window` is the workbench's.
  await page.waitForFunction(() => globalThis.driver, null, { timeout });
  await page.evaluate(() => globalThis.driver.whenWorkbenchRestored());
}

/** Runs a command from the palette (F1) by the label shown there, e.g. 'View: Toggle Problems'. */
export async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Quick Open by its path relative to the workspace folder. */
export async function openFile(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(relativePath);
  const name = relativePath.split('/').pop();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab[data-resource-name="${name}"]`).waitFor();
}

/**
 * Runs an integration test entry in the extension host and resolves to its exit code: 0 when its
 * run() resolved, 1 when it rejected, 124 on timeout or if VS Code died. On failure, saves a
 * screenshot, the server's output and the workbench's logs into `artifacts` (if given).
 */
export async function runTests({ timeoutMs = 600000, artifacts, onLog = printLog, ...options }) {
  const start = Date.now();
  try {
    return await withVsCode({ ...options, onLog }, async ({ page, exit, serverOutput }) => {
      let timer;
      const timedOut = new Promise((res) => {
        timer = setTimeout(res, timeoutMs, null);
      });
      const result = await Promise.race([exit, timedOut]);
      clearTimeout(timer);
      const code = result ? result.code : 124;
      if (!result) console.error(`vscode-here: tests did not finish within ${timeoutMs / 1000}s`);
      console.log(`vscode-here: extension tests exited with ${code} after ${((Date.now() - start) / 1000).toFixed(1)}s`);
      if (code !== 0 && artifacts) {
        await mkdir(artifacts, { recursive: true });
        await page.screenshot({ path: join(artifacts, 'failure.png') });
        await writeFile(join(artifacts, 'server.log'), serverOutput());
        for (const { relativePath, contents } of result?.logs ?? []) {
          await mkdir(dirname(join(artifacts, 'logs', relativePath)), { recursive: true });
          await writeFile(join(artifacts, 'logs', relativePath), contents);
        }
        console.error(`vscode-here: screenshot and logs saved in ${artifacts}`);
      }
      return code;
    });
  } catch (err) {
    console.error(`vscode-here: ${err.stack ?? err}`);
    return 124;
  }
}

function printLog(type, text) {
  if (type.startsWith('browser')) return; // the workbench's own console chatter; test lines come via codeAutomationLog
  // code-server's PWA worker is not served by VS Code's bare server: harmless, but reads like a failure.
  if (text.startsWith('[Service Worker] registration')) return;
  (type === 'error' ? console.error : console.log)(text);
}

async function cli() {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      env: { type: 'string', multiple: true, default: [] },
      artifacts: { type: 'string', default: 'test-artifacts/vscode' },
      timeout: { type: 'string', default: '600' },
    },
  });
  if (!values.extension || !values.tests || !values.workspace || !(Number(values.timeout) > 0)) {
    console.error(
      'usage: node scripts/vscode-here/run.mjs --extension DIR --tests ENTRY.js --workspace DIR' + ' [--env K=V]... [--artifacts DIR] [--timeout SECONDS]',
    );
    process.exit(2);
  }
  const env = Object.fromEntries(
    values.env.map((kv) => {
      const i = kv.indexOf('=');
      if (i < 1) throw new Error(`--env expects K=V, got ${kv}`);
      return [kv.slice(0, i), kv.slice(i + 1)];
    }),
  );
  const code = await runTests({
    extensionDevelopmentPath: values.extension,
    extensionTestsPath: values.tests,
    workspace: values.workspace,
    env,
    artifacts: values.artifacts,
    timeoutMs: Number(values.timeout) * 1000,
  });
  process.exit(code);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Ctrl+C / CI cancel: exit through process 'exit' so the server's process group is killed.
  for (const s of ['SIGINT', 'SIGTERM']) process.once(s, () => process.exit(130));
  await cli();
}

/** `npm run jira-sim`: starts a simulator from the command line, prints URL and credentials, stops on SIGTERM. */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { SCENARIOS } from './index';

const MAIN = join(__dirname, 'main.ts');

describe('jira-sim command', () => {
  it('prints the URL and the demo credentials, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--scenario', SCENARIOS.demoDc, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    while (!/Ctrl\+C/.test(out)) {
      const [code] = await Promise.race([once(child.stdout, 'data'), once(child, 'exit')]);
      if (typeof code === 'number' || code === null) assert.fail(`exited early: ${out}`);
    }
    const url = /URL: (\S+)/.exec(out)?.[1] ?? '';
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/jira$/);
    assert.match(out, /username jdonyada {2}password sim-password-jan/);
    assert.match(out, /personal access token sim-pat-jan/);
    const info = await fetch(`${url}/rest/api/2/serverInfo`);
    assert.equal(((await info.json()) as { version: string }).version, '9.12.0');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });

  it('fails with a message for a broken scenario', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--scenario', 'no-such-file.yaml'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(err, /no-such-file\.yaml/);
  });
});

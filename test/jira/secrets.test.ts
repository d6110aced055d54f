import assert from 'node:assert/strict';
import { listProjects, validateLogin } from '../../src/core/jira/client';
import type { JiraCredentials } from '../../src/core/jira/credentials';
import { fetchSnapshot } from '../../src/core/jira/fetch-snapshot';
import type { FaultRule } from '../jira-sim/index';
import { ALANA_CLOUD, JAN_CLOUD, JAN_DC, JAN_PAT, QUICK, recordLog, SCENARIOS, SECRETS, useSim } from './sim-helpers';

const needs = {
  global: ['ADMINISTER', 'USER_PICKER'],
  projects: { ENG: ['ADD_COMMENTS', 'CLOSE_ISSUES'], OPS: ['CREATE_ATTACHMENTS'], SEC: ['ADD_COMMENTS'] },
  securityLevelProjects: ['ENG'],
};

const FAULTS: FaultRule[][] = [
  [],
  [{ kind: 'status429', retryAfterSeconds: 0, times: 3 }],
  [{ path: /mypermissions|permissions\/check/, kind: 'status503' }],
  [{ path: /mypermissions|permissions\/check/, kind: 'status500' }],
  [{ path: /mypermissions|permissions\/check/, kind: 'html' }],
  [{ path: /mypermissions|permissions\/check/, kind: 'brokenJson' }],
  [{ path: /mypermissions|permissions\/check/, kind: 'drop' }],
  [{ path: /mypermissions|permissions\/check/, kind: 'slow', delayMs: 200 }],
  [{ path: /mypermissions|permissions\/check/, kind: 'redirect' }],
  [{ path: '/rest/api/2/myself', kind: 'html' }],
  [{ path: '/rest/api/2/myself', kind: 'drop' }],
  [{ path: '/rest/api/2/serverInfo', kind: 'redirect' }],
];

/** Runs `work`, and returns everything it let out as text: result, error (message, stack, fields), log lines. */
async function output(work: (logger: ReturnType<typeof recordLog>['logger']) => Promise<unknown>): Promise<string> {
  const log = recordLog();
  let out: string;
  try {
    out = JSON.stringify(await work(log.logger));
  } catch (error) {
    const e = error as Error;
    out = `${String(e)}\n${e.stack}\n${JSON.stringify(e)}\n${JSON.stringify(Object.entries(e))}`;
  }
  return `${out}\n${log.lines.join('\n')}`;
}

function assertClean(text: string, what: string): void {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${what}: a secret leaked into:\n${text}`);
}

describe('jira: no secret in any output (simulator)', () => {
  for (const [label, scenario, credentials] of [
    ['Cloud, API token', SCENARIOS.demo, [JAN_CLOUD, ALANA_CLOUD, { ...JAN_CLOUD, token: 'wrong-secret-123' }]],
    ['Data Center, password and PAT', SCENARIOS.demoDc, [JAN_DC, JAN_PAT, { ...JAN_DC, password: 'wrong-secret-123' }]],
  ] as const) {
    describe(label, () => {
      const sim = useSim(scenario);

      it('keeps secrets out of snapshots, errors and log lines, under every fault', async () => {
        let runs = 0;
        for (const faults of FAULTS) {
          for (const creds of credentials as readonly JiraCredentials[]) {
            for (const strategy of ['per-project', 'bulk'] as const) {
              sim().setFaults(faults);
              const text = await output((logger) =>
                fetchSnapshot(sim().url, creds, needs, { ...QUICK, timeoutMs: 100, logger, cloudProjectStrategy: strategy }),
              );
              assertClean(text, `${JSON.stringify(faults)} ${creds.kind} ${strategy}`);
              runs++;
            }
            sim().setFaults(faults);
            assertClean(await output((logger) => validateLogin(sim().url, creds, { ...QUICK, timeoutMs: 100, logger })), 'login');
            sim().setFaults(faults);
            assertClean(await output((logger) => listProjects(sim().url, creds, { ...QUICK, timeoutMs: 100, logger })), 'list');
          }
        }
        assert.equal(runs, FAULTS.length * 6);
      });
    });
  }
});

/** Shared set-up of the integration tests: the simulator's worlds, the accounts in them, and quick options. */
import { SCENARIOS, startJiraSim, type JiraSim, type Scenario } from '../jira-sim/index';
import { readScenarioFile } from '../jira-sim/scenario/load';
import type { JiraCredentials } from '../../src/core/jira/credentials';
import type { FetchSnapshotOptions } from '../../src/core/jira/fetch-snapshot';
import type { LogLevel } from '../../src/core/jira/logger';

export { SCENARIOS };

export const JAN_CLOUD = { kind: 'api_token', email: 'jan@acme.example', token: 'sim-token-jan' } satisfies JiraCredentials;
export const ALANA_CLOUD = { kind: 'api_token', email: 'alana@acme.example', token: 'sim-token-alana' } satisfies JiraCredentials;
export const JAN_DC = { kind: 'password', username: 'jdonyada', password: 'sim-password-jan' } satisfies JiraCredentials;
export const JAN_PAT = { kind: 'pat', token: 'sim-pat-jan' } satisfies JiraCredentials;
export const ALANA_DC = { kind: 'password', username: 'agrant', password: 'sim-password-alana' } satisfies JiraCredentials;

/** Every secret of the worlds used here, plain and as Basic header payloads. */
export const SECRETS = [
  'sim-token-jan',
  'sim-token-alana',
  'sim-password-jan',
  'sim-password-alana',
  'sim-pat-jan',
  'wrong-secret-123',
  ...[
    'jan@acme.example:sim-token-jan',
    'alana@acme.example:sim-token-alana',
    'jdonyada:sim-password-jan',
    'agrant:sim-password-alana',
    'jdonyada:wrong-secret-123',
    'jan@acme.example:wrong-secret-123',
  ].map((pair) => Buffer.from(pair).toString('base64')),
];

/** Short waits: retries after at most 20 ms, timeouts after 2 s. */
export const QUICK: FetchSnapshotOptions = { retry: { baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 2000 };

export interface LogRecorder {
  readonly lines: string[];
  readonly logger: (level: LogLevel, message: string) => void;
}

export function recordLog(): LogRecorder {
  const lines: string[] = [];
  return { lines, logger: (level, message) => lines.push(`${level} ${message}`) };
}

/** Starts a simulator for the length of a `describe` block; `sim()` returns it. */
export function useSim(scenario: string | Scenario | (() => Scenario)): () => JiraSim {
  let sim: JiraSim | undefined;
  before(async () => {
    sim = await startJiraSim({ scenario: typeof scenario === 'function' ? scenario() : scenario, port: 0 });
  });
  beforeEach(() => {
    sim?.setFaults([]);
    sim?.resetRequests();
  });
  after(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error('simulator not started');
    return sim;
  };
}

export function scenarioOf(path: string): Scenario {
  return readScenarioFile(path);
}

/**
 * The demo world with `count` more projects (P01…), each on the default scheme with Jan and Alana as Developers.
 */
export function demoWithProjects(base: string, count: number): Scenario {
  const scenario = readScenarioFile(base);
  const extra = Array.from({ length: count }, (_, i) => ({
    id: 30000 + i,
    key: `P${String(i + 1).padStart(2, '0')}`,
    name: `Project ${i + 1}`,
    lead: 'alana',
    permissionScheme: 'Default software scheme',
    roles: { Developers: ['jan', 'alana'] },
  }));
  return { ...scenario, projects: [...scenario.projects, ...extra] };
}

/** Requests that reached the simulator, as "METHOD path". */
export function paths(sim: JiraSim): string[] {
  return sim.requests.map((r) => `${r.method} ${r.path}`);
}

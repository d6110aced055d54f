/**
 * A faithful Jira simulator for tests: a real HTTP server on loopback that answers Jira's REST API from a scenario
 * (YAML) the way Jira Cloud or Data Center would. See README.md.
 */
import { join } from 'node:path';
import type { FaultRule } from './faults';
import { loadWorld } from './scenario/load';
import type { Scenario } from './scenario/types';
import type { World } from './scenario/world';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimServer, type ForwardedRequest, type SimRequest } from './server';

export type { FaultKind, FaultRule } from './faults';
export { ScenarioError } from './scenario/load';
export type { Flavour, Scenario } from './scenario/types';
export type { ForwardedRequest, SimRequest } from './server';
export { startAtlassianSim, type AtlassianSim, type AtlassianSimOptions, type SimOAuthClient } from './atlassian';

export interface JiraSimOptions {
  /** Path of a scenario YAML file, or the scenario itself. */
  scenario: string | Scenario;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * How the delay of a fault rule (`delayMs`, `slow`) is waited out; by default a timer. Tests pass one they end
   * themselves, to see the delay asked for and decide when the answer goes out. `close()` ends pending delays anyway.
   */
  sleep?: (ms: number) => Promise<void>;
}

export interface JiraSim {
  /** Base URL including the scenario's context path, no trailing slash, e.g. http://127.0.0.1:43121/jira */
  readonly url: string;
  /** Every request served (fault-injected ones included), oldest first; control requests are not counted. */
  readonly requests: readonly SimRequest[];
  resetRequests(): void;
  /** Replaces the fault rules; [] clears them. */
  setFaults(rules: FaultRule[]): void;
  close(): Promise<void>;
  /** The resolved scenario. */
  readonly world: World;
  /** Serves a request that the OAuth 2.0 gateway (atlassian/) forwards, as the user its token belongs to. */
  serveForwarded(req: IncomingMessage, res: ServerResponse, forwarded: ForwardedRequest): Promise<void>;
}

/** The scenarios shipped with the simulator. */
export const SCENARIOS = {
  /** Cloud site modelled on the permission examples of Jira's documentation. */
  demo: join(__dirname, 'scenarios', 'demo.yaml'),
  /** The same world as a Data Center 9.12 site at /jira. */
  demoDc: join(__dirname, 'scenarios', 'demo-dc.yaml'),
  /** The same world on Data Center 10.3. */
  demoDc10: join(__dirname, 'scenarios', 'demo-dc-10.yaml'),
  /** A Jira 6.4 server: too old for the client; old permission keys only. */
  legacyServer: join(__dirname, 'scenarios', 'legacy-6.4.yaml'),
  /** Cloud site granting through issue roles, custom fields, a single user, the lead and application roles. */
  issueRoles: join(__dirname, 'scenarios', 'issue-roles.yaml'),
  /** The same on Data Center 10.3. */
  issueRolesDc: join(__dirname, 'scenarios', 'issue-roles-dc.yaml'),
} as const;

export async function startJiraSim(options: JiraSimOptions): Promise<JiraSim> {
  const world = loadWorld(options.scenario);
  const server = new SimServer(world, options.sleep);
  await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    url: server.url,
    get requests() {
      return server.requestLog();
    },
    resetRequests: () => server.resetRequests(),
    setFaults: (rules) => server.setFaults(rules),
    close: () => server.close(),
    world,
    serveForwarded: (req, res, forwarded) => server.serveForwarded(req, res, forwarded),
  };
}

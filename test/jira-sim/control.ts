/**
 * The simulator's own HTTP surface, for tests in another process (not counted as requests):
 * GET /__sim/requests, POST /__sim/reset (forget requests), GET|PUT /__sim/faults (a JSON array of fault rules,
 * `path` given as a regular expression source). Served at the root and below the context path.
 */
import { checkFaultRule, type FaultRule } from './faults';
import { INVALID_JSON } from './routes/route';

export interface Controllable {
  requestLog(): readonly unknown[];
  resetRequests(): void;
  setFaults(rules: FaultRule[]): void;
  describeFaults(): unknown[];
}

export interface ControlAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/** "requests" for "/__sim/requests" or "/jira/__sim/requests"; undefined when the path is not a control path. */
export function controlAction(pathname: string, contextPath: string): string | undefined {
  const local = contextPath !== '' && pathname.startsWith(`${contextPath}/`) ? pathname.slice(contextPath.length) : pathname;
  return /^\/__sim\/([a-z]+)\/?$/.exec(local)?.[1];
}

export function control(action: string, method: string, body: unknown, sim: Controllable): ControlAnswer {
  switch (`${method} ${action}`) {
    case 'GET requests':
      return { status: 200, body: sim.requestLog() };
    case 'POST reset':
      sim.resetRequests();
      return { status: 204 };
    case 'GET faults':
      return { status: 200, body: sim.describeFaults() };
    case 'PUT faults':
      return putFaults(body, sim);
  }
  return {
    status: ['requests', 'reset', 'faults'].includes(action) ? 405 : 404,
    body: { error: `no ${method} /__sim/${action}` },
  };
}

function putFaults(body: unknown, sim: Controllable): ControlAnswer {
  if (body === INVALID_JSON || body === undefined) {
    return { status: 400, body: { error: 'expected a JSON array of fault rules' } };
  }
  const list = Array.isArray(body) ? body : [body];
  try {
    const rules = list.map((raw: unknown) => {
      const rule = checkFaultRule(raw);
      return typeof rule.path === 'string' ? { ...rule, path: new RegExp(rule.path) } : rule;
    });
    sim.setFaults(rules);
    return { status: 204 };
  } catch (error) {
    return { status: 400, body: { error: (error as Error).message } };
  }
}

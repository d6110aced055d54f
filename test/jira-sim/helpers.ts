/** Test helpers: a simulator per describe block, credentials of the shipped scenarios, and small HTTP calls. */
import { startJiraSim, type JiraSim, type Scenario } from './index';

/** Starts a simulator before the block's tests and closes it after them. */
export function useSim(scenario: string | Scenario | (() => Scenario)): { readonly sim: JiraSim } {
  let sim: JiraSim | undefined;
  before(async () => {
    sim = await startJiraSim({ scenario: typeof scenario === 'function' ? scenario() : scenario, port: 0 });
  });
  after(async () => {
    await sim?.close();
  });
  return {
    get sim() {
      if (!sim) throw new Error('simulator not started');
      return sim;
    },
  };
}

export function basic(login: string, secret: string): string {
  return `Basic ${Buffer.from(`${login}:${secret}`).toString('base64')}`;
}

/** Authorization headers for the demo scenarios. */
export const CLOUD = {
  jan: basic('jan@acme.example', 'sim-token-jan'),
  alana: basic('alana@acme.example', 'sim-token-alana'),
  priya: basic('priya@acme.example', 'sim-token-priya'),
  wrongToken: basic('jan@acme.example', 'not-the-token'),
  bearer: 'Bearer sim-token-jan',
} as const;

export const DC = {
  jan: basic('jdonyada', 'sim-password-jan'),
  janPat: 'Bearer sim-pat-jan',
  alana: basic('agrant', 'sim-password-alana'),
  priya: basic('pshah', 'sim-password-priya'),
  wrongPassword: basic('jdonyada', 'not-the-password'),
  wrongPat: 'Bearer not-a-token',
} as const;

/** Authorization headers for issue-roles.yaml (Cloud) and issue-roles-dc.yaml. */
export const ROLES = (['rita', 'amir', 'carl', 'gina', 'nora', 'ada'] as const).reduce(
  (all, name) => ({
    ...all,
    [name]: { cloud: basic(`${name}@roles.example`, `sim-token-${name}`), dc: basic(name, `sim-password-${name}`) },
  }),
  {} as Record<'rita' | 'amir' | 'carl' | 'gina' | 'nora' | 'ada', { cloud: string; dc: string }>,
);

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response fields freely
  readonly body: any;
}

export interface CallOptions {
  readonly auth?: string;
  readonly method?: string;
  readonly body?: unknown;
  readonly redirect?: 'manual' | 'follow' | 'error';
}

/** A request to `${sim.url}${path}`. */
export async function call(sim: JiraSim, path: string, options: CallOptions = {}): Promise<Answer> {
  const response = await fetch(`${sim.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(options.auth ? { Authorization: options.auth } : {}),
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
    redirect: options.redirect ?? 'manual',
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** `mypermissions` as key → havePermission; fails unless the answer is 200. */
export async function held(sim: JiraSim, auth: string | undefined, query: string): Promise<Record<string, boolean>> {
  const answer = await call(sim, `/rest/api/2/mypermissions?${query}`, { auth });
  if (answer.status !== 200) throw new Error(`mypermissions?${query}: ${answer.status} ${answer.text}`);
  const permissions = answer.body.permissions as Record<string, { havePermission: boolean }>;
  return Object.fromEntries(Object.entries(permissions).map(([k, v]) => [k, v.havePermission]));
}

/**
 * The simulator against Atlassian's own OpenAPI specs: every response it serves — each endpoint, success and
 * error — must have a status the spec declares for that operation and a body matching the spec's schema (Cloud
 * flavour against the Cloud spec, Data Center against the DC 10.3 spec). Checked from the committed extracts
 * (contracts/cloud.json, dc.json), which in turn must be exactly what extract.mjs makes of the recorded specs.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadContract, loadServed } from './contracts/contract';
import { ContractValidator } from './contracts/validator';
import { CLOUD, DC, ROLES, call, useSim } from './helpers';
import { SCENARIOS, type Flavour, type JiraSim } from './index';
import { ROUTES, matchRoute } from './routes';
import { servedBy } from './routes/route';

const FLAVOURS: readonly Flavour[] = ['cloud', 'datacenter'];

describe('contract: the extracted specs', () => {
  it('hold every operation the router serves, and served.json lists exactly those', () => {
    const served = loadServed();
    for (const flavour of FLAVOURS) {
      const contract = loadContract(flavour);
      // A route validated against the other flavour's spec (Cloud's agile API) must be in that extract instead.
      const routed = ROUTES.flatMap((r) => {
        const s = servedBy(r, flavour);
        return s && (s.contract ?? flavour) === flavour ? [`${r.method.toLowerCase()} ${s.spec}`] : [];
      });
      assert.deepEqual([...routed].sort(), [...served[flavour].operations].sort(), `${flavour}: served.json vs router`);
      for (const operation of routed) {
        const [method, path] = operation.split(' ');
        assert.ok(contract.paths[path]?.[method], `${flavour}: ${operation} is missing from ${contract.provenance.source} extract`);
      }
    }
  });

  it('declare every status each route can answer', () => {
    for (const flavour of FLAVOURS) {
      for (const route of ROUTES) {
        const s = servedBy(route, flavour);
        if (!s) continue;
        const declared = validatorFor(s.contract ?? flavour).declaredStatuses(`${route.method.toLowerCase()} ${s.spec}`);
        for (const status of s.answers) {
          assert.ok(declared.includes(String(status)), `${flavour} ${route.path}: ${status} not declared`);
        }
      }
    }
  });

  it('are what extract.mjs makes of the recorded source specs', async () => {
    const { DEFAULT_SPEC_DIR, extractFlavour } = await import('./contracts/extract.mjs');
    const served = loadServed();
    for (const flavour of FLAVOURS) {
      const committed = loadContract(flavour);
      assert.equal(committed.provenance.source, served[flavour].source);
      assert.match(committed.provenance.sha256, /^[0-9a-f]{64}$/);
      assert.ok(committed.provenance.infoVersion);
      // A fresh clone without ../shared/jira-openapi can only check the provenance; with the specs, the content.
      if (existsSync(join(DEFAULT_SPEC_DIR, served[flavour].source))) {
        assert.deepEqual(extractFlavour(DEFAULT_SPEC_DIR, served[flavour]), committed, `${flavour}: re-run extract.mjs`);
      }
    }
  });
});

const VALIDATORS = new Map<Flavour, ContractValidator>();

/** The validator of a flavour's extracted spec, errata applied. */
function validatorFor(flavour: Flavour): ContractValidator {
  let validator = VALIDATORS.get(flavour);
  if (!validator) VALIDATORS.set(flavour, (validator = new ContractValidator(flavour, loadContract(flavour))));
  return validator;
}

const NAMES = new Map<string, string>([
  ...Object.entries(CLOUD).map(([name, auth]): [string, string] => [auth, name]),
  ...Object.entries(DC).map(([name, auth]): [string, string] => [auth, name]),
  ...Object.entries(ROLES).flatMap(([name, a]): [string, string][] => [
    [a.cloud, name],
    [a.dc, name],
  ]),
]);

function nameOf(auth: string | undefined): string {
  return auth === undefined ? 'anonymous' : (NAMES.get(auth) ?? 'someone');
}

describe('contract: the validator', () => {
  const cloud = new ContractValidator('cloud', loadContract('cloud'));
  it('rejects what the spec does not allow: unknown properties, wrong types, undeclared statuses', () => {
    assert.notDeepEqual(cloud.check('get /rest/api/3/myself', 200, { accountId: 'x', favouriteColour: 'red' }, 'application/json'), []);
    assert.notDeepEqual(cloud.check('get /rest/api/3/serverInfo', 200, { versionNumbers: ['10'] }, 'application/json'), []);
    assert.notDeepEqual(
      cloud.check('get /rest/api/3/project/{projectKeyOrId}/securitylevel', 200, { levels: [{ id: '1', colour: 'red' }] }, 'application/json'),
      [],
    );
    assert.notDeepEqual(cloud.check('get /rest/api/3/project/{projectKeyOrId}/securitylevel', 401, undefined, ''), []);
    assert.notDeepEqual(cloud.check('get /rest/api/3/mypermissions', 404, '<html/>', 'text/html'), []);
    const addMembers = 'put /rest/api/3/issuesecurityschemes/{schemeId}/level/{levelId}/member';
    assert.deepEqual(cloud.check(addMembers, 204, undefined, ''), []);
    assert.notDeepEqual(cloud.check(addMembers, 204, {}, 'application/json'), [], 'No Content has no body');
  });

  describe('errata are still needed: the served answers break the unpatched specs', () => {
    const cloudSim = useSim(SCENARIOS.demo);
    const dcSim = useSim(SCENARIOS.demoDc10);
    it('Cloud PermissionHolder with expanded objects', async () => {
      const answer = await call(cloudSim.sim, '/rest/api/3/permissionscheme/10000?expand=all', { auth: CLOUD.alana });
      const operation = 'get /rest/api/3/permissionscheme/{schemeId}';
      const json = 'application/json';
      assert.notDeepEqual(new ContractValidator('cloud', loadContract('cloud'), { errata: false }).check(operation, 200, answer.body, json), []);
      assert.deepEqual(cloud.check(operation, 200, answer.body, json), []);
    });
    it('Data Center answers an invalid new scheme with 400', () => {
      const operation = 'post /api/2/permissionscheme';
      const body = { errorMessages: [], errors: { name: 'The name of the permission scheme must not be empty.' } };
      assert.notDeepEqual(
        new ContractValidator('datacenter', loadContract('datacenter'), { errata: false }).check(operation, 400, body, 'application/json'),
        [],
      );
      assert.deepEqual(new ContractValidator('datacenter', loadContract('datacenter')).check(operation, 400, body, 'application/json'), []);
    });
    it('Data Center GET /project returns an array', async () => {
      const answer = await call(dcSim.sim, '/rest/api/2/project', { auth: DC.jan });
      const unpatched = new ContractValidator('datacenter', loadContract('datacenter'), { errata: false });
      assert.notDeepEqual(unpatched.check('get /api/2/project', 200, answer.body, 'application/json'), []);
      assert.ok(Array.isArray(answer.body) && answer.body.length === 3);
    });
  });
});

interface Case {
  /** which simulator: the demo world or the issue-roles world */
  readonly world: 'demo' | 'roles';
  readonly as?: string;
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly body?: unknown;
  readonly status: number;
}

/** Runs the cases against fresh simulators, checks each response, then that every route answered every status. */
function tour(flavour: Flavour, scenarios: Record<Case['world'], string>, cases: readonly Case[]): void {
  const sims = { demo: useSim(scenarios.demo), roles: useSim(scenarios.roles) };
  const covered = new Set<string>();
  for (const c of cases) {
    const method = c.method ?? 'GET';
    it(`${method} ${c.path} as ${nameOf(c.as)} → ${c.status}`, async () => {
      const sim: JiraSim = sims[c.world].sim;
      const answer = await call(sim, c.path, { auth: c.as, method, body: c.body });
      assert.equal(answer.status, c.status, answer.text);
      const match = matchRoute(flavour, method, c.path.split('?')[0]);
      assert.ok(match.route, `no route for ${c.path}`);
      const served = servedBy(match.route, flavour)!;
      const operation = `${method.toLowerCase()} ${served.spec}`;
      const validator = validatorFor(served.contract ?? flavour);
      assert.deepEqual(validator.check(operation, answer.status, answer.body, answer.headers.get('content-type') ?? ''), []);
      covered.add(`${match.route.method} ${match.route.path} ${answer.status}`);
    });
  }
  it('covered every status of every route', () => {
    for (const route of ROUTES) {
      for (const status of servedBy(route, flavour)?.answers ?? []) {
        assert.ok(covered.has(`${route.method} ${route.path} ${status}`), `${route.method} ${route.path} ${status} not exercised`);
      }
    }
  });
}

/** Creating a role, adding a member, creating a scheme and associating it: every answer of each, as admin and not. */
function administration(base: string, admin: string, user: string, member: string): Case[] {
  const c = (method: 'POST' | 'PUT', path: string, body: unknown, status: number, as?: string): Case => ({
    world: 'demo',
    method,
    path: `${base}${path}`,
    body,
    status,
    as,
  });
  const grant = (role: string) => ({ holder: { type: 'projectRole', parameter: role }, permission: 'BROWSE_PROJECTS' });
  return [
    c('POST', '/role', { name: 'Integration', description: 'Recipes' }, 200, admin),
    c('POST', '/role', { name: 'integration' }, 409, admin),
    c('POST', '/role', { description: 'no name' }, 400, admin),
    c('POST', '/role', { name: 'Other' }, 403, user),
    c('POST', '/role', { name: 'Other' }, 401),
    c('POST', '/project/ENG/role/10001', { user: [member] }, 200, admin),
    c('POST', '/project/ENG/role/10001', {}, 400, admin),
    c('POST', '/project/ENG/role/10001', { user: [member] }, 404, user),
    c('POST', '/project/ENG/role/99999', { user: [member] }, 404, admin),
    c('POST', '/project/ENG/role/10001', { user: [member] }, 401),
    c('POST', '/permissionscheme', { name: 'Integration scheme', description: 'd', permissions: [grant('10001')] }, 201, admin),
    c('POST', '/permissionscheme', { name: 'Broken scheme', permissions: [grant('99999')] }, 400, admin),
    c('POST', '/permissionscheme', { name: 'Not mine' }, 403, user),
    c('POST', '/permissionscheme', { name: 'Not mine' }, 401),
    c('PUT', '/project/SEC/permissionscheme', { id: 10000 }, 200, admin),
    c('PUT', '/project/NOPE/permissionscheme', { id: 10000 }, 404, admin),
    c('PUT', '/project/SEC/permissionscheme', { id: 10000 }, 403, user),
    c('PUT', '/project/SEC/permissionscheme', { id: 10000 }, 401),
  ];
}

describe('contract: Cloud responses match the Cloud platform spec', () => {
  const v3 = '/rest/api/3';
  const p = (path: string, status: number, as?: string, extra: Partial<Case> = {}): Case => ({
    world: 'demo',
    path: `${v3}${path}`,
    status,
    as,
    ...extra,
  });
  const check = (body: unknown, status: number, as: string = CLOUD.jan): Case => p('/permissions/check', status, as, { method: 'POST', body });
  tour('cloud', { demo: SCENARIOS.demo, roles: SCENARIOS.issueRoles }, [
    p('/myself?expand=groups,applicationRoles', 200, CLOUD.jan),
    p('/myself', 200, CLOUD.priya),
    p('/myself', 401),
    p('/myself', 401, CLOUD.wrongToken),
    { world: 'demo', path: '/rest/api/2/myself', status: 401, as: CLOUD.bearer },
    p('/serverInfo', 200),
    p('/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER,CLOSE_ISSUES', 200, CLOUD.jan),
    p('/mypermissions?projectKey=OPS&permissions=CREATE_ATTACHMENTS,WORK_ON_ISSUES', 200, CLOUD.jan),
    p('/mypermissions?issueKey=ENG-7&permissions=EDIT_ISSUES,SET_ISSUE_SECURITY', 200, CLOUD.jan),
    p('/mypermissions?projectId=10000&permissions=MANAGE_SPRINTS_PERMISSION', 200, CLOUD.priya),
    p('/mypermissions?permissions=BROWSE_PROJECTS', 200),
    p('/mypermissions', 400, CLOUD.jan),
    p('/mypermissions?permissions=EDIT_ISSUE', 400, CLOUD.jan),
    p('/mypermissions?projectKey=SEC&permissions=BROWSE_PROJECTS', 404, CLOUD.jan),
    p('/mypermissions?issueKey=ENG-9&permissions=BROWSE_PROJECTS', 404, CLOUD.jan),
    check(
      {
        globalPermissions: ['ADMINISTER', 'BULK_CHANGE'],
        projectPermissions: [{ permissions: ['EDIT_ISSUES'], projects: [10000, 10001, 99999], issues: [10010, 10018] }],
      },
      200,
    ),
    check(
      {
        accountId: '5c3f8e2a7b1d4e0012a9c3f1',
        projectPermissions: [{ permissions: ['CLOSE_ISSUES'], projects: [10000] }],
      },
      200,
      CLOUD.alana,
    ),
    check({ globalPermissions: ['NOT_A_PERMISSION'] }, 400),
    p('/issue/bulkfetch', 200, CLOUD.jan, { method: 'POST', body: { issueIdsOrKeys: ['ENG-1', 'eng-7', 'ENG-9', 'ENG-404'], fields: ['project'] } }),
    p('/issue/bulkfetch', 400, CLOUD.jan, { method: 'POST', body: { issueIdsOrKeys: [] } }),
    p('/issue/bulkfetch', 401, undefined, { method: 'POST', body: { issueIdsOrKeys: ['ENG-1'] } }),
    check({ accountId: '5b10a2844c20165700ede21g', globalPermissions: ['ADMINISTER'] }, 403),
    p('/issue/ENG-1/transitions', 200, CLOUD.priya),
    p('/issue/eng-1/transitions?transitionId=2', 200, CLOUD.jan),
    p('/issue/ENG-9/transitions', 404, CLOUD.jan),
    p('/issue/ENG-1/transitions', 401),
    { world: 'demo', path: '/rest/agile/1.0/board/12/project', status: 200, as: CLOUD.jan },
    { world: 'demo', path: '/rest/agile/1.0/board/20/project', status: 200, as: CLOUD.jan },
    { world: 'demo', path: '/rest/agile/1.0/board/x/project', status: 400, as: CLOUD.jan },
    { world: 'demo', path: '/rest/agile/1.0/board/12/project', status: 401 },
    { world: 'demo', path: '/rest/agile/1.0/board/99/project', status: 404, as: CLOUD.jan },
    p('/permissions', 200),
    p('/project', 200, CLOUD.jan),
    p('/project/search?maxResults=2', 200, CLOUD.jan),
    p('/project/search?orderBy=issueCount', 400, CLOUD.jan),
    p('/project/ENG', 200, CLOUD.jan),
    p('/project/SEC', 404, CLOUD.jan),
    p('/project/ENG/permissionscheme?expand=all', 200, CLOUD.alana),
    p('/project/ENG/permissionscheme', 403, CLOUD.jan),
    p('/project/ENG/permissionscheme', 401),
    p('/project/SEC/permissionscheme', 404, CLOUD.jan),
    p('/permissionscheme/10001?expand=all', 200, CLOUD.alana),
    p('/permissionscheme/10000', 404, CLOUD.jan),
    p('/permissionscheme/10000', 401),
    { world: 'roles', path: `${v3}/permissionscheme/20000?expand=all`, status: 200, as: ROLES.ada.cloud },
    { world: 'roles', path: `${v3}/permissionscheme/20000?expand=permissions`, status: 200, as: ROLES.ada.cloud },
    p('/project/ENG/securitylevel', 200, CLOUD.jan),
    p('/project/SEC/securitylevel', 404, CLOUD.jan),
    // The administration calls last: they change the world.
    ...administration(v3, CLOUD.alana, CLOUD.jan, '5c3f8e2a7b1d4e0012a9c3f1'),
    // Cloud only: members added to an issue security level (Engineering security's Top-secret).
    ...[
      [{ members: [{ type: 'projectrole', parameter: '10001' }] }, 204, CLOUD.alana],
      [{ members: [{ type: 'group', parameter: 'no-such-group' }] }, 400, CLOUD.alana],
      [{ members: [{ type: 'reporter' }] }, 403, CLOUD.jan],
      [{ members: [{ type: 'reporter' }] }, 401, undefined],
    ].map(([body, status, as]) => p('/issuesecurityschemes/10000/level/10101/member', status as number, as as string | undefined, { method: 'PUT', body })),
    p('/issuesecurityschemes/99999/level/10101/member', 404, CLOUD.alana, { method: 'PUT', body: { members: [{ type: 'reporter' }] } }),
  ]);
});

describe('contract: Data Center responses match the Jira Software DC 10.3 spec', () => {
  const v2 = '/rest/api/2';
  const p = (path: string, status: number, as?: string): Case => ({ world: 'demo', path: `${v2}${path}`, status, as });
  tour('datacenter', { demo: SCENARIOS.demoDc10, roles: SCENARIOS.issueRolesDc }, [
    p('/myself?expand=groups,applicationRoles', 200, DC.jan),
    p('/myself', 200, DC.janPat),
    p('/myself', 401),
    p('/myself', 401, DC.wrongPassword),
    p('/myself', 401, DC.wrongPat),
    p('/serverInfo', 200),
    p('/mypermissions', 200, DC.jan),
    p('/mypermissions?projectKey=OPS', 200, DC.jan),
    p('/mypermissions?issueKey=ENG-7', 200, DC.priya),
    p('/mypermissions', 200, DC.wrongPassword),
    p('/mypermissions?projectId=ENG', 400, DC.jan),
    p('/mypermissions?projectKey=SEC', 404, DC.jan),
    p('/issue/ENG-1/transitions', 200, DC.priya),
    p('/issue/ENG-9/transitions', 404, DC.jan),
    { world: 'demo', path: '/rest/agile/1.0/board/12/project', status: 200, as: DC.jan },
    { world: 'demo', path: '/rest/agile/1.0/board/x/project', status: 400, as: DC.jan },
    { world: 'demo', path: '/rest/agile/1.0/board/12/project', status: 401 },
    { world: 'demo', path: '/rest/agile/1.0/board/99/project', status: 404, as: DC.jan },
    p('/permissions', 200, DC.alana),
    p('/permissions', 401),
    p('/permissions', 403, DC.jan),
    p('/project', 200, DC.jan),
    p('/project/ENG', 200, DC.jan),
    p('/project/SEC', 404, DC.jan),
    p('/project/ENG/permissionscheme?expand=all', 200, DC.alana),
    p('/project/ENG/permissionscheme', 403, DC.jan),
    p('/project/ENG/permissionscheme', 401),
    p('/project/SEC/permissionscheme', 404, DC.jan),
    p('/permissionscheme/10001?expand=all', 200, DC.alana),
    p('/permissionscheme/10000', 403, DC.jan),
    p('/permissionscheme/10000', 401),
    p('/permissionscheme/99999', 404, DC.alana),
    { world: 'roles', path: `${v2}/permissionscheme/20000?expand=all`, status: 200, as: ROLES.ada.dc },
    p('/project/ENG/securitylevel', 200, DC.jan),
    p('/project/SEC/securitylevel', 404, DC.jan),
    ...administration(v2, DC.alana, DC.jan, 'pshah'),
  ]);
});

/** Projects the caller cannot browse do not exist for them: 404 everywhere, absent from every list. */
import { strict as assert } from 'node:assert';
import { CLOUD, DC, call, useSim } from './helpers';
import { SCENARIOS } from './index';

describe('project visibility', () => {
  describe('Cloud', () => {
    const s = useSim(SCENARIOS.demo);

    it('answers 404 for a project the user cannot browse, exactly as for a missing one', async () => {
      const missing = await call(s.sim, '/rest/api/3/project/NOPE', { auth: CLOUD.jan });
      assert.equal(missing.status, 404);
      const hidden = await call(s.sim, '/rest/api/3/project/SEC', { auth: CLOUD.jan });
      assert.deepEqual([hidden.status, hidden.body.errorMessages], [404, ["No project could be found with key 'SEC'."]]);
      assert.equal((await call(s.sim, '/rest/api/3/project/10003', { auth: CLOUD.jan })).status, 404);
      assert.equal((await call(s.sim, '/rest/api/3/mypermissions?projectKey=SEC&permissions=BROWSE_PROJECTS', { auth: CLOUD.jan })).status, 404);
      assert.equal((await call(s.sim, '/rest/api/3/project/SEC', { auth: CLOUD.alana })).status, 200, 'Alana administers SEC');
    });

    it('reads project keys case-sensitively, as the Cloud spec says', async () => {
      assert.equal((await call(s.sim, '/rest/api/3/project/eng', { auth: CLOUD.jan })).status, 404);
    });

    it('GET /project/{key}: details with lead and roles', async () => {
      const answer = await call(s.sim, '/rest/api/3/project/10001', { auth: CLOUD.jan });
      assert.equal(answer.body.key, 'OPS');
      assert.equal(answer.body.lead.accountId, '5b10a2844c20165700ede21g');
      assert.equal(answer.body.lead.emailAddress, undefined, 'Cloud hides the email of other users');
      assert.equal(answer.body.roles.QA, `${s.sim.url}/rest/api/3/project/10001/role/10100`);
    });

    it('GET /project lists what the user may see; anonymous sees nothing here', async () => {
      const keys = async (auth?: string) => ((await call(s.sim, '/rest/api/2/project', { auth })).body as { key: string }[]).map((p) => p.key);
      assert.deepEqual(await keys(CLOUD.jan), ['ENG', 'OPS', 'SUP']);
      assert.deepEqual(await keys(CLOUD.alana), ['ENG', 'OPS', 'SEC', 'SUP']);
      assert.deepEqual(await keys(), []);
    });

    it('GET /project/search pages, filters and orders', async () => {
      const page1 = await call(s.sim, '/rest/api/3/project/search?maxResults=2', { auth: CLOUD.jan });
      assert.deepEqual([page1.body.total, page1.body.isLast, page1.body.values.map((p: { key: string }) => p.key)], [3, false, ['ENG', 'OPS']]);
      const next = new URL(page1.body.nextPage as string);
      const page2 = await call(s.sim, `${next.pathname}${next.search}`, { auth: CLOUD.jan });
      assert.deepEqual([page2.body.startAt, page2.body.isLast, page2.body.nextPage], [2, true, undefined]);
      assert.deepEqual(
        page2.body.values.map((p: { key: string }) => p.key),
        ['SUP'],
      );

      const keysOf = async (query: string, auth: string = CLOUD.jan) =>
        (await call(s.sim, `/rest/api/3/project/search?${query}`, { auth })).body.values.map((p: { key: string }) => p.key);
      assert.deepEqual(await keysOf('keys=OPS&keys=SEC'), ['OPS']);
      assert.deepEqual(await keysOf('id=10002'), ['SUP']);
      assert.deepEqual(await keysOf('query=ERAT'), ['OPS']);
      assert.deepEqual(await keysOf('orderBy=-name'), ['SUP', 'OPS', 'ENG']);
      assert.deepEqual(await keysOf('action=edit'), []);
      assert.deepEqual(await keysOf('action=edit', CLOUD.alana), ['ENG', 'OPS', 'SEC', 'SUP']);
      assert.deepEqual(await keysOf('action=browse', CLOUD.alana), [], 'Alana administers but browses nothing');
      assert.equal((await call(s.sim, '/rest/api/3/project/search?action=fly', { auth: CLOUD.jan })).status, 400);
    });
  });

  describe('Data Center', () => {
    const s = useSim(SCENARIOS.demoDc);

    it('answers 404 for invisible projects and lists only visible ones, under the context path', async () => {
      assert.ok(s.sim.url.endsWith('/jira'));
      assert.equal((await call(s.sim, '/rest/api/2/project/SEC', { auth: DC.jan })).status, 404);
      const list = await call(s.sim, '/rest/api/latest/project', { auth: DC.jan });
      assert.deepEqual(
        list.body.map((p: { key: string }) => p.key),
        ['ENG', 'OPS', 'SUP'],
      );
      assert.equal(list.body[0].self, `${s.sim.url}/rest/api/latest/project/10000`);
    });

    it('has no /project/search: the path reads as project "search"', async () => {
      const answer = await call(s.sim, '/rest/api/2/project/search', { auth: DC.jan });
      assert.deepEqual([answer.status, answer.body.errorMessages], [404, ["No project could be found with key 'search'."]]);
    });

    it('shows the lead with username and key', async () => {
      const answer = await call(s.sim, '/rest/api/2/project/ENG', { auth: DC.priya });
      assert.deepEqual([answer.body.lead.name, answer.body.lead.key], ['jdonyada', 'JIRAUSER10100']);
      assert.deepEqual(answer.body.projectKeys, ['ENG']);
    });
  });
});

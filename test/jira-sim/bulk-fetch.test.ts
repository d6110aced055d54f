/** Cloud's POST /issue/bulkfetch: only issues the caller may see, in id order, keys matched case-insensitively. */
import { strict as assert } from 'node:assert';
import { CLOUD, call, useSim } from './helpers';
import { SCENARIOS } from './index';

describe('bulk issue fetch (Cloud)', () => {
  const s = useSim(SCENARIOS.demo);
  const fetchIssues = (body: unknown) => call(s.sim, '/rest/api/3/issue/bulkfetch', { auth: CLOUD.jan, body });
  const keysOf = (body: unknown): string[] => ((body as { issues: { key: string }[] }).issues ?? []).map((i) => i.key);

  it('leaves out issues that are missing or hidden by their security level, silently', async () => {
    const answer = await fetchIssues({ issueIdsOrKeys: ['ENG-9', 'eng-7', 'ENG-404', '10010'], fields: ['project'] });
    assert.equal(answer.status, 200);
    assert.deepEqual(keysOf(answer.body), ['ENG-1', 'ENG-7'], 'Jan is not in Top-secret (ENG-9); ENG-404 does not exist');
    assert.deepEqual((answer.body as { issueErrors: unknown[] }).issueErrors, []);
    const first = (answer.body as { issues: { id: string; fields: { project: { key: string } } }[] }).issues[0];
    assert.equal(first?.id, '10010');
    assert.equal(first?.fields.project.key, 'ENG');
  });

  it('refuses an empty list, more than 100 issues, and anonymous callers', async () => {
    assert.equal((await fetchIssues({ issueIdsOrKeys: [] })).status, 400);
    assert.equal((await fetchIssues({ issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `ENG-${i}`) })).status, 400);
    const anonymous = await call(s.sim, '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys: ['ENG-1'] } });
    assert.equal(anonymous.status, 401);
  });
});

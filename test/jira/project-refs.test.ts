import assert from 'node:assert/strict';
import { analyzeRecipe, check, permissionNeeds } from '../../src/core/check';
import { fetchSnapshot } from '../../src/core/jira/fetch-snapshot';
import { JAN_CLOUD, JAN_DC, paths, QUICK, SCENARIOS, useSim } from './sim-helpers';

/** n8n stores a project as its numeric id: the client learns its key, and the check finds it by either. */
describe('jira fetchSnapshot: projects named by id (simulator)', () => {
  for (const [flavour, scenario, credentials] of [
    ['Cloud', SCENARIOS.demo, JAN_CLOUD],
    ['Data Center', SCENARIOS.demoDc, JAN_DC],
  ] as const) {
    describe(flavour, () => {
      const sim = useSim(scenario);

      it('looks each id up once, files its needs under the key with id and name, and records an unknown id as not visible', async () => {
        const snapshot = await fetchSnapshot(
          sim().url,
          credentials,
          { global: [], projects: { '10000': ['CREATE_ISSUES'], ENG: ['ADD_COMMENTS'], '99999': ['ADD_COMMENTS'] } },
          QUICK,
        );
        const eng = snapshot.projects?.ENG;
        assert.equal(eng?.id, '10000');
        assert.equal(eng?.name, 'Engineering');
        assert.deepEqual(eng?.permissions, { ADD_COMMENTS: true, CREATE_ISSUES: true });
        assert.deepEqual(snapshot.projects?.['99999'], { visible: false, id: '99999' });
        assert.equal(paths(sim()).filter((p) => /\/project\/(10000|99999)$/.test(p)).length, 2);
      });

      it('lets a recipe that names the project by id be checked in it', async () => {
        const recipe = [
          'name: t',
          'trigger: { event: new_issue, input: { project: "10000" } }',
          'steps:',
          '  - action: update_issue_status',
          '    input: { issue: "{{ trigger.key }}", status: Closed }',
          '',
        ].join('\n');
        const needs = permissionNeeds([analyzeRecipe(recipe)]).get('');
        assert.deepEqual(Object.keys(needs?.projects ?? {}), ['10000']);
        const snapshot = await fetchSnapshot(sim().url, credentials, needs ?? { global: [], projects: {} }, QUICK);
        const findings = check(recipe, [{ ...snapshot, site: 'https://acme.atlassian.net' }]);
        assert.deepEqual(
          findings.map((f) => `${f.code}:${f.project}:${f.permissions.join()}`),
          ['missing-permission:ENG:CLOSE_ISSUES'],
        );
      });
    });
  }
});

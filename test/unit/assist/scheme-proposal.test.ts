import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRecipe } from '../../../src/core/check';
import { buildNeedsReport, type RecipeInput } from '../../../src/core/assist/needs-report';
import { proposalMarkdown, proposeSchemes, ROLE_ID_PLACEHOLDER } from '../../../src/core/assist/scheme-proposal';
import { loadContract } from '../../jira-sim/contracts/contract';
import { ContractValidator } from '../../jira-sim/contracts/validator';
import { project, snapshot, yaml } from '../helpers';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLES = [
  'escalate-urgent-bugs.recipe.yaml',
  'ops-incident-evidence.recipe.yaml',
  'security-triage.recipe.yaml',
  'sprint-rollover.recipe.yaml',
  'weekly-support-digest.recipe.yaml',
  'zendesk-to-jira-sync.recipe.yaml',
];

function example(name: string): RecipeInput {
  const file = `examples/${name}`;
  return { recipe: file, analysis: analyzeRecipe(readFileSync(join(ROOT, file), 'utf8'), { fileName: file }) };
}

const header = ['name: t', 'connections:', '  jira: { provider: jira, host: https://acme.atlassian.net }'];

describe('permission scheme proposal', () => {
  const [proposal] = proposeSchemes(buildNeedsReport(EXAMPLES.map(example)));

  it('grants the role exactly the project permissions the recipes need, the least of each any-of group', () => {
    assert.equal(proposal.role.name, 'Integration');
    assert.deepEqual(
      proposal.permissionScheme.permissions.map((g) => g.permission),
      [
        'ADD_COMMENTS',
        'ADMINISTER_PROJECTS',
        'ASSIGN_ISSUES',
        'BROWSE_PROJECTS',
        'CLOSE_ISSUES',
        'CREATE_ATTACHMENTS',
        'CREATE_ISSUES',
        'LINK_ISSUES',
        'MODIFY_REPORTER',
        'SCHEDULE_ISSUES',
        'SET_ISSUE_SECURITY',
        'TRANSITION_ISSUES',
        'WORK_ON_ISSUES',
      ],
    );
    assert.ok(proposal.permissionScheme.permissions.every((g) => g.holder.type === 'projectRole' && g.holder.parameter === ROLE_ID_PLACEHOLDER));
    // A sprint's projects are its board's: from the recipes alone they are unknown, never defaults.project.
    assert.deepEqual(
      proposal.unresolved.map((u) => [u.step.step, u.needs]),
      [['sprint', [['MANAGE_SPRINTS_PERMISSION']]]],
    );
    const account = JSON.parse(readFileSync(join(ROOT, 'examples/acme.snapshot.json'), 'utf8'));
    const [withBoard] = proposeSchemes(buildNeedsReport(EXAMPLES.map(example), [account]));
    assert.ok(withBoard.projects.find((p) => p.project === 'ENG')?.permissions.includes('MANAGE_SPRINTS_PERMISSION'), "board 12's project is ENG");
    assert.deepEqual(withBoard.unresolved, []);
    assert.deepEqual(proposal.choices, [{ alternatives: ['ADMINISTER_PROJECTS', 'ADMINISTER'], chosen: 'ADMINISTER_PROJECTS' }]);
    assert.deepEqual(
      proposal.projects.find((p) => p.project === 'OPS')?.permissions,
      ['BROWSE_PROJECTS', 'CREATE_ATTACHMENTS', 'WORK_ON_ISSUES'],
      'each project lists exactly its own needs, for grants added to its current scheme',
    );
    assert.deepEqual(proposal.projects.find((p) => p.project === 'ENG')?.securityLevels, ['Top-secret'], 'the level security-triage sets');
    assert.match(proposalMarkdown([proposal]), /\*\*Issue security levels\*\*.*\n {3}- ENG: Top-secret/);
  });

  it('asks for Administer Jira only for real-time triggers, with the way round it', () => {
    const administer = proposal.global.find((g) => g.permission === 'ADMINISTER');
    assert.equal(administer?.forWebhooks, true);
    assert.deepEqual(administer?.pollingAlternatives, ['updated_issue']);
    assert.equal(proposal.global.find((g) => g.permission === 'USER_PICKER')?.forWebhooks, false);
    const md = proposalMarkdown([proposal]);
    assert.match(md, /Only to register the webhook of a real-time trigger\. Instead, a Jira administrator can register the webhook by hand/);
    assert.match(md, /or the polling trigger "updated_issue"/);
    const polling = proposeSchemes(buildNeedsReport([example('weekly-support-digest.recipe.yaml')]));
    assert.deepEqual(polling[0].global, []);
    assert.doesNotMatch(proposalMarkdown(polling), /Administer Jira/);
  });

  it('is a body Cloud and Data Center accept for creating a permission scheme', () => {
    const [withId] = proposeSchemes(buildNeedsReport(EXAMPLES.map(example)), { roleId: '10300', role: 'Recipes bot' });
    assert.equal(withId.permissionScheme.permissions[0].holder.parameter, '10300');
    assert.equal(withId.permissionScheme.name, 'Recipes bot (least privilege)');
    const cloud = new ContractValidator('cloud', loadContract('cloud'));
    const dc = new ContractValidator('datacenter', loadContract('datacenter'));
    for (const body of [proposal.permissionScheme, withId.permissionScheme]) {
      assert.deepEqual(cloud.checkRequest('post /rest/api/3/permissionscheme', body), []);
      assert.deepEqual(dc.checkRequest('post /api/2/permissionscheme', body), []);
    }
    assert.deepEqual(cloud.checkRequest('post /rest/api/3/role', { name: withId.role.name, description: withId.role.description }), []);
    assert.notDeepEqual(cloud.checkRequest('post /rest/api/3/permissionscheme', { permissions: [] }), [], 'the validator does reject a body without a name');
    assert.notDeepEqual(
      cloud.checkRequest('post /rest/api/3/permissionscheme', { name: 'x', permissions: [{ holder: { type: 'projectRole', roleId: 1 }, permission: 'X' }] }),
      [],
    );
  });

  it('tells the admin the steps in plain words: role, members per project, grants, global permissions, unresolved steps', () => {
    const text = yaml(
      ...header,
      'trigger: { id: t, event: new_issue, input: { project: ENG } }',
      'steps:',
      '  - { id: c, action: create_comment, input: { issue: "{{ x.key }}", comment: hi } }',
    );
    const account = snapshot({ global: { ADMINISTER: false }, projects: { ENG: project([], ['BROWSE_PROJECTS']) } });
    const md = proposalMarkdown(proposeSchemes(buildNeedsReport([{ recipe: 'r.recipe.yaml', analysis: analyzeRecipe(text) }], [account]), { role: 'Bots' }));
    assert.match(md, /^1\. \*\*Create the project role "Bots"\*\*/m);
    assert.match(md, /^2\. \*\*Add Jan Donyada \(jan@acme\.example\) to the role in each project\*\*: ENG /m);
    assert.match(md, /POST \/rest\/api\/3\/project\/\{projectKey\}\/role\/\{roleId\}` with `\{"user": \["<account id>"\]\}`/);
    assert.match(md, /^ {5}- ENG: Browse Projects \(BROWSE_PROJECTS\)$/m);
    assert.match(md, /associating this one replaces its current scheme, and with it every other user's permissions there/);
    assert.match(md, /\*\*Not covered yet\*\*.*\n {3}- r\.recipe\.yaml:6 Step "c" \(create_comment\): set input\.project/);
    assert.match(md, /```json\n\{\n {2}"name": "Bots \(least privilege\)"/);
    const dc = proposalMarkdown(proposeSchemes(buildNeedsReport([{ recipe: 'r', analysis: analyzeRecipe(text) }], [{ ...account, deployment: 'server' }])));
    assert.match(dc, /`POST \/rest\/api\/2\/permissionscheme`/);
    assert.match(dc, /\{"user": \["<username>"\]\}/);
  });
});

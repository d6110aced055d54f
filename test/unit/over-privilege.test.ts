import { strict as assert } from 'node:assert';
import { analyzeRecipe, overPrivilegeFindings } from '../../src/core/check';
import type { PermissionSnapshot } from '../../src/core/snapshot';
import { project, rangeOf, snapshot, yaml } from './helpers';

const ADMIN = snapshot({
  global: { ADMINISTER: true, USER_PICKER: true },
  projects: { ENG: project(['BROWSE_PROJECTS', 'ADD_COMMENTS'], ['ADMINISTER_PROJECTS']) },
});

const COMMENTS = yaml(
  'name: comments',
  'connections:',
  '  jira: { provider: jira, host: https://acme.atlassian.net }',
  'trigger: { event: new_issue, input: { project: ENG } }',
  'steps:',
  '  - action: create_comment',
  '    input: { issue: "{{ trigger.key }}", comment: hi }',
);

const WEBHOOK = yaml(
  'name: webhook',
  'connections:',
  '  jira: { provider: jira, host: https://acme.atlassian.net }',
  'trigger: { event: updated_issue_webhook, input: { jql: "project = ENG" } }',
);

/** The hints of each recipe as `path code@range`, recipes given as path → text. */
function hints(recipes: Record<string, string>, snapshots: readonly PermissionSnapshot[] = [ADMIN]): string[] {
  const given = Object.entries(recipes).map(([path, text]) => ({ path, analysis: analyzeRecipe(text, { fileName: path }) }));
  return overPrivilegeFindings(given, snapshots).flatMap((findings, i) =>
    findings.map((f) => `${given[i].path} ${f.code}:${f.severity}@${rangeOf(f).join(',')} ${f.permissions.join('|')} ${f.site}`),
  );
}

describe('account-over-privileged', () => {
  it('is one finding per site, on the host of the connection of the first recipe by path', () => {
    assert.deepEqual(hints({ 'b.recipe.yaml': COMMENTS, 'a.recipe.yaml': COMMENTS }), [
      'a.recipe.yaml account-over-privileged:information@2,32,2,58 ADMINISTER https://acme.atlassian.net',
    ]);
  });

  it('says who holds it, where, and where to look for what is needed', () => {
    const [[f]] = overPrivilegeFindings([{ path: 'a.recipe.yaml', analysis: analyzeRecipe(COMMENTS) }], [ADMIN]);
    assert.equal(
      f.message,
      'Connection "jira": Jan Donyada (jan@acme.example) holds Administer Jira (ADMINISTER) on https://acme.atlassian.net, which the one recipe checked that runs on this site doesn\'t need. ' +
        'An integration account needs only what its recipes use: `jira-recipe-lint needs` (or Jira Recipe Lint: Show Required Permissions) lists it, with a permission scheme to grant exactly that.',
    );
    assert.equal(f.connection, 'jira');
  });

  it('sits on the first Jira step of a recipe without a connections block', () => {
    const bare = yaml(
      'name: bare',
      'trigger: { event: new_issue, input: { project: ENG } }',
      'steps:',
      '  - action: create_comment',
      '    input: { issue: ENG-1, comment: hi }',
    );
    assert.deepEqual(hints({ 'bare.recipe.yaml': bare }), [
      'bare.recipe.yaml account-over-privileged:information@1,18,1,27 ADMINISTER https://acme.atlassian.net',
    ]);
  });

  it('is not given when any recipe registers a webhook as an account that is not OAuth 2.0', () => {
    assert.deepEqual(hints({ 'a.recipe.yaml': COMMENTS, 'z.recipe.yaml': WEBHOOK }), []);
  });

  it('is given when the webhook is registered by an OAuth 2.0 account, which needs no global permission for it', () => {
    const oauth = snapshot({ ...ADMIN, authType: 'oauth2' });
    assert.deepEqual(hints({ 'z.recipe.yaml': WEBHOOK }, [oauth]), [
      'z.recipe.yaml account-over-privileged:information@2,32,2,58 ADMINISTER https://acme.atlassian.net',
    ]);
  });

  it('counts an any-of need of Administer Jira only where the account lacks the other alternatives', () => {
    const release = yaml(
      'name: release',
      'connections:',
      '  jira: { provider: jira, host: https://acme.atlassian.net }',
      'trigger: { event: new_issue, input: { project: ENG } }',
      'steps:',
      '  - action: release_version',
      '    input: { project: ENG, version: "1.0" }',
    );
    // Without Administer Projects in ENG, Administer Jira is what lets the step release the version.
    assert.deepEqual(hints({ 'r.recipe.yaml': release }), []);
    const projectAdmin = snapshot({ global: { ADMINISTER: true }, projects: { ENG: project(['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']) } });
    assert.deepEqual(hints({ 'r.recipe.yaml': release }, [projectAdmin]), [
      'r.recipe.yaml account-over-privileged:information@2,32,2,58 ADMINISTER https://acme.atlassian.net',
    ]);
  });

  it('is not given when Administer Jira is not held, or not known', () => {
    assert.deepEqual(hints({ 'a.recipe.yaml': COMMENTS }, [snapshot()]), []);
    assert.deepEqual(hints({ 'a.recipe.yaml': COMMENTS }, [snapshot({ global: {} })]), []);
    assert.deepEqual(hints({ 'a.recipe.yaml': COMMENTS }, []), []);
  });

  it('is not given while a recipe can not be read in full: it might need Administer Jira', () => {
    assert.deepEqual(hints({ 'a.recipe.yaml': COMMENTS, 'b.recipe.yaml': 'name: b\ntrigger: { event: new_issue\n' }), []);
    assert.deepEqual(hints({ 'a.recipe.yaml': COMMENTS, 'b.recipe.yaml': COMMENTS.replace('create_comment', 'create_coment') }), []);
  });

  it('judges each site by its own recipes, and a connection with no host among several accounts as possibly any', () => {
    const other = snapshot({ ...ADMIN, site: 'https://beta.atlassian.net' });
    const onBeta = WEBHOOK.replace('acme', 'beta');
    assert.deepEqual(hints({ 'a.recipe.yaml': COMMENTS, 'b.recipe.yaml': onBeta }, [ADMIN, other]), [
      'a.recipe.yaml account-over-privileged:information@2,32,2,58 ADMINISTER https://acme.atlassian.net',
    ]);
    const noHost = yaml('name: n', 'trigger: { event: updated_issue_webhook, input: { jql: "project = ENG" } }');
    assert.deepEqual(hints({ 'a.recipe.yaml': COMMENTS, 'n.recipe.yaml': noHost }, [ADMIN, other]), []);
  });
});

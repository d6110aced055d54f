import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deriveScopes, DEFAULT_SPEC_DIR, readSpec, SPEC_FILE } from '../../scripts/generate-scopes';
import { OPERATIONS } from '../../src/core/catalog';
import { clientScopes, lackedScopes, operationScopes, SCOPE_CATALOG, scopesToRequest } from '../../src/core/catalog/scopes';
import { accessRequestText } from '../../src/core/assist/access-request';
import { analyzeRecipe, check, permissionNeeds } from '../../src/core/check';
import { hoverAt } from '../../src/core/assist/hover';
import type { PermissionSnapshot } from '../../src/core/snapshot';
import { only, project, rangeOf, snapshot, yaml } from './helpers';

describe('OAuth 2.0 scopes of the catalog', () => {
  it('has both scope forms for every catalog operation, and nothing for operations the catalog lacks', () => {
    for (const op of OPERATIONS) {
      const scopes = operationScopes(op.name);
      assert.ok(scopes, `${op.name} has scopes`);
      assert.ok(scopes.classic.length > 0 && scopes.granular.length > 0, `${op.name} has both forms`);
    }
    assert.deepEqual(Object.keys(SCOPE_CATALOG.operations).sort(), OPERATIONS.map((op) => op.name).sort());
  });

  it('is what scripts/generate-scopes.ts derives from the spec (run it after changing the catalog)', () => {
    if (existsSync(join(DEFAULT_SPEC_DIR, SPEC_FILE))) {
      const { spec, bytes } = readSpec();
      assert.deepEqual(deriveScopes(spec, bytes), SCOPE_CATALOG);
    } else {
      // A clone without ../shared/jira-openapi can only see that the data names the spec it came from.
      assert.equal(SCOPE_CATALOG.provenance.source, SPEC_FILE);
      assert.match(SCOPE_CATALOG.provenance.sha256, /^[0-9a-f]{64}$/);
    }
  });

  it("takes the call's scopes from the spec: a comment, a webhook (as OAuth 2.0 apps register it), a sprint", () => {
    assert.deepEqual(operationScopes('create_comment'), {
      call: 'POST /rest/api/3/issue/{issueIdOrKey}/comment',
      source: 'jira-cloud-platform-spec',
      classic: ['write:jira-work'],
      granular: [
        'read:comment:jira',
        'read:comment.property:jira',
        'read:group:jira',
        'read:project:jira',
        'read:project-role:jira',
        'read:user:jira',
        'write:comment:jira',
        'read:avatar:jira',
      ],
    });
    const webhook = operationScopes('updated_issue_webhook');
    assert.equal(webhook?.call, 'POST /rest/api/3/webhook');
    assert.deepEqual(webhook?.classic, ['read:jira-work', 'manage:jira-webhook']);
    assert.deepEqual(webhook?.granular, ['read:field:jira', 'read:project:jira', 'write:webhook:jira']);
    assert.deepEqual(operationScopes('create_sprint'), {
      call: 'POST /rest/agile/1.0/sprint',
      source: 'jira-software-cloud-spec',
      classic: ['write:sprint:jira-software'],
      granular: ['write:sprint:jira-software'],
    });
  });

  it('knows what the client itself needs to read permissions, and what to ask for when linking', () => {
    assert.deepEqual(clientScopes().classic, ['read:jira-user', 'read:jira-work']);
    assert.deepEqual(scopesToRequest(['create_comment', 'updated_issue_webhook', 'create_comment']), [
      'manage:jira-webhook',
      'offline_access',
      'read:jira-user',
      'read:jira-work',
      'write:jira-work',
    ]);
    assert.deepEqual(scopesToRequest([]), ['offline_access', 'read:jira-user', 'read:jira-work']);
  });

  it('allows a call when either form is held whole, and names what each form lacks otherwise', () => {
    const comment = operationScopes('create_comment')!;
    assert.equal(lackedScopes(comment, ['write:jira-work']), undefined);
    assert.equal(lackedScopes(comment, comment.granular), undefined);
    assert.deepEqual(lackedScopes(comment, ['read:jira-work', 'write:comment:jira']), {
      classic: ['write:jira-work'],
      granular: comment.granular.filter((s) => s !== 'write:comment:jira'),
    });
  });
});

/** A real-time trigger and a comment, both in ENG. */
const webhookRecipe = yaml(
  'name: t',
  'connections:',
  '  jira: { provider: jira, host: https://acme.atlassian.net }',
  'trigger: { id: bug, event: updated_issue_webhook, input: { project: ENG } }',
  'steps:',
  '  - id: note',
  '    action: create_comment',
  '    input: { issue: "{{ bug.key }}", comment: hi }',
);

describe('check engine: missing-scope', () => {
  const held = { global: { ADMINISTER: true }, projects: { ENG: project(['BROWSE_PROJECTS', 'ADD_COMMENTS']) } };
  const oauth = (scopes: string[]) => snapshot({ ...held, authType: 'oauth2', scopes });

  it('flags the trigger whose call needs manage:jira-webhook, on the operation, naming both forms', () => {
    const findings = check(webhookRecipe, [oauth(['read:jira-user', 'read:jira-work', 'write:jira-work'])]);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['missing-scope'],
    );
    const [f] = findings;
    assert.equal(f.severity, 'error');
    assert.deepEqual(rangeOf(f), [3, 27, 3, 48]);
    assert.equal(f.step, 'bug');
    assert.equal(f.operation, 'updated_issue_webhook');
    assert.equal(f.site, 'https://acme.atlassian.net');
    assert.deepEqual(f.scopes, { classic: ['manage:jira-webhook'], granular: ['read:field:jira', 'read:project:jira', 'write:webhook:jira'] });
    assert.equal(
      f.message,
      'Trigger "bug": New/updated issue (real-time) (updated_issue_webhook) calls POST /rest/api/3/webhook, which needs the OAuth 2.0 scopes ' +
        'read:jira-work, manage:jira-webhook (classic) or read:field:jira, read:project:jira, write:webhook:jira (granular); the token of ' +
        'Jan Donyada (jan@acme.example) on https://acme.atlassian.net lacks manage:jira-webhook (classic) and read:field:jira, read:project:jira, ' +
        "write:webhook:jira (granular). Add manage:jira-webhook to the OAuth 2.0 integration (Atlassian's developer console → Permissions → " +
        'Jira API), then link the account again to consent to it.',
    );
  });

  it('is gone once the token holds the classic form, or the granular one', () => {
    assert.deepEqual(check(webhookRecipe, [oauth(['read:jira-work', 'write:jira-work', 'manage:jira-webhook'])]), []);
    const granular = [...operationScopes('updated_issue_webhook')!.granular, ...operationScopes('create_comment')!.granular];
    assert.deepEqual(check(webhookRecipe, [oauth(granular)]), []);
  });

  it('flags every step that lacks its scopes, and nothing for accounts without recorded scopes', () => {
    assert.deepEqual(
      only(check(webhookRecipe, [oauth(['read:jira-work'])]), 'missing-scope').map((f) => f.step),
      ['bug', 'note'],
    );
    assert.deepEqual(check(webhookRecipe, [snapshot(held)]), [], 'an API token has no scopes');
    assert.deepEqual(check(webhookRecipe, [snapshot({ ...held, authType: 'oauth2' })]), [], 'scopes not known: nothing to judge');
  });

  it('puts the scopes in the access request apart from permissions, with the steps that need them', () => {
    const findings = check(webhookRecipe, [oauth(['read:jira-user', 'read:jira-work', 'write:jira-work'])]);
    const text = accessRequestText([{ recipe: 'Escalate', findings }], [oauth([])]) ?? '';
    assert.match(
      text,
      /OAuth 2\.0 scopes to add to the integration \(Atlassian's developer console → the integration → Permissions → Jira API\); the account then links again to consent to them:\n- manage:jira-webhook \(or, as granular scopes, read:field:jira, read:project:jira, write:webhook:jira\), needed by recipe "Escalate", trigger bug \(updated_issue_webhook\)\n/,
    );
    assert.doesNotMatch(text, /Global permissions/);
  });
});

describe('OAuth 2.0 accounts and real-time triggers', () => {
  const recipe = webhookRecipe;
  const eng = { ENG: project(['BROWSE_PROJECTS', 'ADD_COMMENTS']) };
  const scopes = ['read:jira-user', 'read:jira-work', 'write:jira-work', 'manage:jira-webhook'];

  it('asks no Administer Jira of an OAuth 2.0 account, whose webhook is a dynamic one, but does of an API token', () => {
    assert.deepEqual(check(recipe, [snapshot({ projects: eng, authType: 'oauth2', scopes })]), []);
    assert.deepEqual(
      check(recipe, [snapshot({ projects: eng })]).map((f) => [f.code, f.permissions]),
      [['missing-global-permission', ['ADMINISTER']]],
    );
  });

  it('still needs Browse Projects in the filtered project for an OAuth 2.0 account', () => {
    const findings = check(recipe, [snapshot({ projects: { ENG: project(['ADD_COMMENTS'], ['BROWSE_PROJECTS']) }, authType: 'oauth2', scopes })]);
    assert.deepEqual(
      findings.map((f) => [f.code, f.step, f.permissions]),
      [
        ['missing-permission', 'bug', ['BROWSE_PROJECTS']],
        ['missing-permission', 'note', ['BROWSE_PROJECTS']],
      ],
    );
  });

  it('fetches for a real-time trigger what either kind of account needs: Administer Jira, and Browse Projects where it watches', () => {
    const needs = permissionNeeds([analyzeRecipe(yaml('name: t', 'trigger: { event: updated_issue_webhook, input: { project: SEC } }'))]).get('');
    assert.deepEqual(needs?.global, ['ADMINISTER']);
    assert.deepEqual(needs?.projects, { SEC: ['BROWSE_PROJECTS'] });
  });

  const hover = (line: number, character: number, snaps: readonly PermissionSnapshot[]) =>
    hoverAt(analyzeRecipe(recipe), { line, character }, snaps)?.markdown ?? '';

  it('hovers list the scopes next to the permissions, marked for an OAuth 2.0 token', () => {
    const lacking = hover(6, 15, [snapshot({ projects: eng, authType: 'oauth2', scopes: ['read:jira-work'] })]);
    assert.match(
      lacking,
      /OAuth 2\.0 scopes for `POST \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/comment`: `write:jira-work` \(classic\) or `read:comment:jira`, .*\(granular\) — ✗ the token lacks `write:jira-work`: add it to the OAuth 2\.0 integration/,
    );
    const holding = hover(6, 15, [snapshot({ projects: eng, authType: 'oauth2', scopes })]);
    assert.match(holding, /— ✓ granted to the token\./);
    assert.match(hover(6, 15, []), /— for connections that link through OAuth 2\.0\./);
    assert.doesNotMatch(hover(6, 15, [snapshot({ projects: eng })]), /OAuth 2\.0 scopes/, 'an API token has no scopes');
  });

  it("the trigger's hover tells an OAuth 2.0 account about dynamic webhooks instead of Administer Jira", () => {
    const oauth = hover(3, 30, [snapshot({ projects: eng, authType: 'oauth2', scopes })]);
    assert.match(oauth, /registers a dynamic webhook \(`POST \/rest\/api\/3\/webhook`\), which needs no global permission/);
    assert.doesNotMatch(oauth, /Administer Jira|ADMINISTER/);
    assert.match(hover(3, 30, [snapshot({ projects: eng })]), /- ✗ \*\*Administer Jira\*\* `ADMINISTER` \(global\)/);
  });
});

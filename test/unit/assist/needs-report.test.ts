import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { analyzeRecipe } from '../../../src/core/check';
import {
  buildNeedsReport,
  hasMissing,
  needsReportCsv,
  needsReportJson,
  needsReportMarkdown,
  type NeedsReport,
  type RecipeInput,
  type SiteNeeds,
} from '../../../src/core/assist/needs-report';
import { project, snapshot, yaml } from '../helpers';

const ROOT = join(__dirname, '..', '..', '..');
const SITES = new Map([
  ['Jira acme', 'https://acme.atlassian.net'],
  ['Jira Cloud (acme)', 'https://acme.atlassian.net'],
]);

function example(name: string): RecipeInput {
  const file = `examples/${name}`;
  return { recipe: file, analysis: analyzeRecipe(readFileSync(join(ROOT, file), 'utf8'), { fileName: file, connectionSites: SITES }) };
}

function inline(text: string, recipe = 'r.recipe.yaml'): RecipeInput {
  return { recipe, analysis: analyzeRecipe(text, { fileName: recipe }) };
}

const header = ['name: t', 'connections:', '  jira: { provider: jira, host: https://acme.atlassian.net }'];

function lineOf(site: SiteNeeds, projectKey: string | null, ...permissions: string[]) {
  const lines = projectKey === null ? site.global : (site.projects.find((p) => p.project === projectKey)?.needs ?? []);
  return lines.find((l) => l.permissions.join() === permissions.join());
}

describe('needs report', () => {
  describe('from recipes alone', () => {
    it('merges the needs of YAML, n8n and Workato recipes on the same site into one section', () => {
      const report = buildNeedsReport([
        example('escalate-urgent-bugs.recipe.yaml'),
        example('incident-to-support-ticket.workflow.json'),
        example('support-bug-escalation.recipe.json'),
      ]);
      assert.deepEqual(
        report.sites.map((s) => s.site),
        ['https://acme.atlassian.net'],
      );
      const [site] = report.sites;
      const administer = lineOf(site, null, 'ADMINISTER');
      assert.deepEqual(administer?.steps.map((s) => `${s.recipe}:${s.operation}`).sort(), [
        'examples/escalate-urgent-bugs.recipe.yaml:updated_issue_webhook',
        'examples/incident-to-support-ticket.workflow.json:updated_issue_webhook',
        'examples/support-bug-escalation.recipe.json:updated_issue_webhook',
      ]);
      const comments = lineOf(site, 'ENG', 'ADD_COMMENTS');
      assert.deepEqual(comments?.steps.map((s) => s.recipe).sort(), [
        'examples/escalate-urgent-bugs.recipe.yaml',
        'examples/incident-to-support-ticket.workflow.json',
        'examples/support-bug-escalation.recipe.json',
      ]);
      assert.equal(comments?.status, undefined, 'no account given: no status');
      assert.equal(site.account, undefined);
      assert.equal(site.notNeeded, undefined);
    });

    it('lists a permission once per step, however many recipes and steps need it', () => {
      const text = yaml(
        ...header,
        'trigger: { id: t, event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - { id: a, action: create_comment, input: { issue: ENG-1, comment: x } }',
        '  - { id: b, action: create_comment, input: { issue: ENG-2, comment: y } }',
      );
      const [site] = buildNeedsReport([inline(text, 'one.recipe.yaml'), inline(text, 'two.recipe.yaml')]).sites;
      const browse = lineOf(site, 'ENG', 'BROWSE_PROJECTS');
      assert.deepEqual(
        browse?.steps.map((s) => `${s.recipe}#${s.step}`),
        ['one.recipe.yaml#t', 'one.recipe.yaml#a', 'one.recipe.yaml#b', 'two.recipe.yaml#t', 'two.recipe.yaml#a', 'two.recipe.yaml#b'],
      );
      assert.equal(site.projects.length, 1);
    });

    it('keeps sites apart, and groups connections without a site by their name', () => {
      const other = yaml(
        'name: o',
        'connections:',
        '  jira: { provider: jira, host: https://other.atlassian.net/ }',
        'trigger: { event: new_issue, input: { project: OPS } }',
      );
      const noSite = yaml('name: n', 'connections:', '  ops: { provider: jira }', 'trigger: { event: new_issue, connection: ops, input: { project: OPS } }');
      const report = buildNeedsReport([inline(other), inline(noSite)]);
      assert.deepEqual(
        report.sites.map((s) => [s.site, s.siteKnown]),
        [
          ['connection "ops"', false],
          ['https://other.atlassian.net', true],
        ],
      );
    });

    it('shows any-of groups as one line of alternatives', () => {
      const [site] = buildNeedsReport([example('sprint-rollover.recipe.yaml')]).sites;
      const group = lineOf(site, 'ENG', 'ADMINISTER_PROJECTS', 'ADMINISTER');
      assert.equal(group?.anyOf, true);
      assert.deepEqual(
        group?.steps.map((s) => s.step),
        ['version'],
      );
      assert.equal(lineOf(site, null, 'ADMINISTER'), undefined, 'Administer Jira is only one alternative, not a global need');
      assert.match(
        needsReportMarkdown(buildNeedsReport([example('sprint-rollover.recipe.yaml')])),
        /one of: Administer Projects \(ADMINISTER_PROJECTS\) or Administer Jira \(ADMINISTER\)/,
      );
    });

    it('names the input that adds an input-dependent need, and leaves it out when the input is not set', () => {
      const text = yaml(
        ...header,
        'trigger: { id: t, event: new_issue, input: { project: SUP } }',
        'steps:',
        '  - { id: with, action: create_issue, input: { project: SUP, summary: s, assignee: "{{ t.fields.reporter }}" } }',
        '  - { id: without, action: create_issue, input: { project: SUP, summary: s } }',
      );
      const [site] = buildNeedsReport([inline(text)]).sites;
      const assign = lineOf(site, 'SUP', 'ASSIGN_ISSUES');
      assert.deepEqual(assign?.steps, [{ recipe: 'r.recipe.yaml', step: 'with', label: 'Step "with"', operation: 'create_issue', line: 6, input: 'assignee' }]);
      assert.deepEqual(
        lineOf(site, 'SUP', 'CREATE_ISSUES')?.steps.map((s) => [s.step, s.input]),
        [
          ['with', undefined],
          ['without', undefined],
        ],
      );
      assert.match(needsReportMarkdown(buildNeedsReport([inline(text)])), /r\.recipe\.yaml:6 Step "with" \(create_issue\), because input assignee is set/);
    });

    it('lists steps whose project cannot be told, with what to set in their format', () => {
      const text = yaml(
        ...header,
        'trigger: { id: t, event: new_issue, input: { jql: "priority = High" } }',
        'steps:',
        '  - { id: c, action: create_comment, input: { issue: "{{ t.key }}", comment: x } }',
        '  - { id: u, action: find_user, input: { query: x } }',
      );
      const [site] = buildNeedsReport([inline(text)]).sites;
      assert.deepEqual(
        site.unresolved.map((u) => [u.step.step, u.needs, u.fix]),
        [
          ['t', [['BROWSE_PROJECTS']], 'set input.project (or defaults.project), or a literal issue key'],
          ['c', [['BROWSE_PROJECTS'], ['ADD_COMMENTS']], 'set input.project (or defaults.project), or a literal issue key'],
        ],
      );
      assert.deepEqual(site.projects, []);
      assert.ok(lineOf(site, null, 'USER_PICKER'), 'global needs are known without a project');
    });
  });

  describe('with an account', () => {
    const text = yaml(
      ...header,
      'trigger: { id: bug, event: updated_issue_webhook, input: { project: ENG } }',
      'steps:',
      '  - { id: note, action: create_comment, input: { issue: "{{ bug.key }}", comment: x } }',
      '  - { id: ops, action: create_comment, input: { issue: OPS-1, comment: x } }',
    );

    it('marks each line held, missing or unknown, and lists what the account holds beyond the needs', () => {
      const account = snapshot({
        global: { ADMINISTER: true, USER_PICKER: true, BULK_CHANGE: false },
        projects: { ENG: project(['BROWSE_PROJECTS', 'DELETE_ISSUES'], ['ADD_COMMENTS'], { name: 'Engineering' }) },
      });
      const report = buildNeedsReport([inline(text)], [account]);
      const [site] = report.sites;
      assert.equal(lineOf(site, null, 'ADMINISTER')?.status, 'held');
      assert.equal(lineOf(site, 'ENG', 'BROWSE_PROJECTS')?.status, 'held');
      assert.equal(lineOf(site, 'ENG', 'ADD_COMMENTS')?.status, 'missing');
      assert.equal(lineOf(site, 'OPS', 'ADD_COMMENTS')?.status, 'unknown', 'a project the snapshot has no data for is unknown, never missing');
      assert.equal(site.projects[0].name, 'Engineering');
      assert.deepEqual(site.notNeeded, { global: ['USER_PICKER'], projects: [{ project: 'ENG', permissions: ['DELETE_ISSUES'] }] });
      assert.equal(site.account?.label, 'Jan Donyada (jan@acme.example)');
      assert.equal(hasMissing(report), true);
    });

    it('says Administer Jira is not needed when the account holds it and no recipe needs it', () => {
      const polling = yaml(...header, 'trigger: { id: t, event: new_issue, input: { project: ENG } }');
      const account = snapshot({ global: { ADMINISTER: true }, projects: { ENG: project(['BROWSE_PROJECTS']) } });
      const report = buildNeedsReport([inline(polling)], [account]);
      assert.deepEqual(report.sites[0].notNeeded?.global, ['ADMINISTER']);
      assert.equal(hasMissing(report), false);
      assert.match(needsReportMarkdown(report), /- Administer Jira \(ADMINISTER\) \(global\): no recipe here needs it/);
    });

    it('reads a project named by numeric id under the key the snapshot knows it by', () => {
      const byId = yaml(...header, 'trigger: { id: t, event: new_issue, input: { project: "10002" } }');
      const byKey = yaml(...header, 'trigger: { id: k, event: new_issue, input: { project: SUP } }');
      const account = snapshot({ projects: { SUP: project(['BROWSE_PROJECTS'], [], { id: '10002' }) } });
      const [site] = buildNeedsReport([inline(byId, 'a.recipe.yaml'), inline(byKey, 'b.recipe.yaml')], [account]).sites;
      assert.deepEqual(
        site.projects.map((p) => p.project),
        ['SUP'],
      );
      assert.deepEqual(
        site.projects[0].needs[0].steps.map((s) => s.step),
        ['t', 'k'],
      );
    });
  });

  describe('renderers', () => {
    const report: NeedsReport = buildNeedsReport(
      [example('escalate-urgent-bugs.recipe.yaml'), example('sprint-rollover.recipe.yaml'), example('support-bug-escalation.recipe.json')],
      [snapshot({ global: { ADMINISTER: false, USER_PICKER: true }, projects: { ENG: project(['BROWSE_PROJECTS', 'ADD_COMMENTS'], ['CLOSE_ISSUES']) } })],
    );

    it('JSON follows schemas/needs-report.schema.json', () => {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'needs-report.schema.json'), 'utf8')) as object;
      const validate = new Ajv({ allErrors: true }).compile(schema);
      const json: unknown = JSON.parse(needsReportJson(report));
      assert.ok(validate(json), JSON.stringify(validate.errors));
      assert.ok(
        !validate({ ...report, sites: [{ ...report.sites[0], global: [{ permissions: [], anyOf: false, steps: [] }] }] }),
        'the schema rejects an empty line',
      );
    });

    it('Markdown has a table per scope with the account column', () => {
      const md = needsReportMarkdown(report);
      assert.match(md, /^# Jira permissions these recipes need$/m);
      assert.match(md, /^## https:\/\/acme\.atlassian\.net$/m);
      assert.match(md, /^### Global permissions$/m);
      assert.match(md, /^\| Administer Jira \(ADMINISTER\) \| .*updated_issue_webhook.* \| ❌ missing \|$/m);
      assert.match(md, /^\| Close Issues \(CLOSE_ISSUES\) \| .* \| ❌ missing \|$/m);
      assert.match(md, /^\| Add Comments \(ADD_COMMENTS\) \| .* \| ✅ held \|$/m);
      assert.match(md, /^### Held but not needed by these recipes$/m);
      assert.doesNotMatch(needsReportMarkdown(buildNeedsReport([example('sprint-rollover.recipe.yaml')])), /\| Account \|/);
    });

    it('CSV has one row per line and step, quoted where needed', () => {
      const csv = needsReportCsv(report);
      const rows = csv.trimEnd().split('\r\n');
      assert.equal(rows[0], 'site,scope,project,permissions,any_of,recipe,step,operation,line,input,status');
      assert.ok(
        rows.includes(
          'https://acme.atlassian.net,project,ENG,ADMINISTER_PROJECTS ADMINISTER,true,examples/sprint-rollover.recipe.yaml,version,create_version,16,,unknown',
        ),
      );
      assert.ok(
        rows.includes(
          'https://acme.atlassian.net,project,ENG,CLOSE_ISSUES,false,examples/escalate-urgent-bugs.recipe.yaml,close,update_issue_status,23,status,missing',
        ),
      );
      assert.ok(rows.includes('https://acme.atlassian.net,not-needed,,USER_PICKER,false,,,,,,held'));
      const quoted = needsReportCsv(
        buildNeedsReport([inline(yaml('name: n', 'connections:', '  "a,b": { provider: jira }', 'trigger: { event: new_issue, connection: "a,b" }'))]),
      );
      assert.match(quoted, /^"connection ""a,b""",unresolved,/m);
    });
  });
});

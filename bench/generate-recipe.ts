/**
 * Generates a realistic recipe with a given number of operation steps (actions, at any depth; if/foreach blocks
 * hold them and are not counted). Deterministic: the same size always gives the same text.
 *
 * Mix, modelled on examples/*.recipe.yaml: the Jira actions used there, block and flow style, `{{ id.field }}`
 * templates, literal issue keys in ENG/OPS/SUP/SEC, about one step in eight inside an if/then/else or foreach block
 * (some nested two deep), a few Zendesk steps, and steps that produce findings against examples/acme.snapshot.json
 * (SEC is not visible; OPS lacks attachments and worklogs; ENG lacks Close Issues; ~1% misspelled action names).
 */

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same text. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateRecipe(steps: number, seed = 3): string {
  const random = prng(seed + steps);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const ids: string[] = ['bug'];
  let made = 0;

  const project = () => pick(['ENG', 'ENG', 'ENG', 'ENG', 'SUP', 'SUP', 'OPS', 'OPS', 'SEC']);
  const issueKey = () => `${project()}-${1 + Math.floor(random() * 900)}`;
  /** An issue reference: a templated key of the trigger or of an earlier step, or a literal key. */
  const issue = () => (chance(0.45) ? `"{{ ${pick(ids)}.key }}"` : chance(0.3) ? `"{{ bug.key }}"` : issueKey());

  /** One action as [key, value] pairs; values are already YAML text. */
  function action(): { action: string; input: [string, string][]; connection?: string } {
    const kind = random();
    if (kind < 0.02)
      return {
        action: 'update_ticket',
        connection: 'zendesk',
        input: [
          ['ticket_id', '"{{ bug.fields.customfield_10100 }}"'],
          ['external_id', '"{{ bug.key }}"'],
        ],
      };
    if (kind < 0.03) return { action: pick(['create_coment', 'update_isue', 'add_worklogs']), input: [['issue', issue()]] };
    if (kind < 0.25)
      return {
        action: 'create_comment',
        input: [
          ['issue', issue()],
          ['comment', `"Escalated by {{ bug.fields.assignee.displayName }} (step ${made})."`],
        ],
      };
    if (kind < 0.37) {
      const input: [string, string][] = [
        ['project', project()],
        ['issue_type', pick(['Bug', 'Task', 'Story'])],
        ['summary', '"Follow-up: {{ bug.fields.summary }}"'],
      ];
      if (chance(0.3)) input.push(['description', '"Created from {{ bug.key }} by the recipe."']);
      if (chance(0.1)) input.push(['security', pick(['Internal', 'Top-secret'])]);
      return { action: 'create_issue', input };
    }
    if (kind < 0.47)
      return {
        action: 'update_issue_status',
        input: [
          ['issue', issue()],
          ['status', pick(['In Progress', 'Done', 'Closed', '"Waiting for customer"'])],
        ],
      };
    if (kind < 0.55)
      return {
        action: 'add_worklog',
        input: [
          ['issue', issue()],
          ['time_spent', pick(['15m', '1h', '2h 30m'])],
        ],
      };
    if (kind < 0.61)
      return {
        action: 'upload_attachment',
        input: [
          ['issue', issue()],
          ['file', '"{{ bug.attachment }}"'],
          ['file_name', 'evidence.log'],
        ],
      };
    if (kind < 0.68)
      return {
        action: 'link_issues',
        input: [
          ['issue', issue()],
          ['linked_issue', issue()],
          ['link_type', pick(['Relates', 'Blocks', 'Duplicate'])],
        ],
      };
    if (kind < 0.74) return { action: 'add_watcher', input: [['issue', issue()]] };
    if (kind < 0.8)
      return {
        action: 'assign_issue',
        input: [
          ['issue', issue()],
          ['assignee', '"{{ owner.accountId }}"'],
        ],
      };
    if (kind < 0.87)
      return {
        action: 'update_issue',
        input: [
          ['issue', issue()],
          ['summary', '"[{{ bug.fields.priority.name }}] {{ bug.fields.summary }}"'],
        ],
      };
    if (kind < 0.94)
      return {
        action: 'search_issues_by_JQL',
        input: [
          ['jql', `"project = ${project()} AND statusCategory != Done ORDER BY priority DESC"`],
          ['limit', '50'],
        ],
      };
    return { action: 'find_user', input: [['query', pick(['security-oncall', '"{{ bug.fields.reporter.emailAddress }}"'])]] };
  }

  /** An action step's lines at `indent` (the column of its "- "). */
  function actionStep(indent: string): string[] {
    made++;
    const a = action();
    const id = chance(0.35) ? `s${made}` : undefined;
    const head: [string, string][] = [];
    if (id) head.push(['id', id]);
    if (a.connection || chance(0.3)) head.push(['connection', a.connection ?? 'jira']);
    head.push(['action', a.action]);
    const flowInput = `{ ${a.input.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
    const style = random();
    let lines: string[];
    if (style < 0.2) {
      // Whole step on one line, as in escalate-urgent-bugs.
      lines = [`${indent}- { ${head.map(([k, v]) => `${k}: ${v}`).join(', ')}, input: ${flowInput} }`];
    } else {
      lines = head.map(([k, v], i) => `${indent}${i === 0 ? '- ' : '  '}${k}: ${v}`);
      if (style < 0.6) lines.push(`${indent}  input: ${flowInput}`);
      else lines.push(`${indent}  input:`, ...a.input.map(([k, v]) => `${indent}    ${k}: ${v}`));
    }
    if (id) ids.push(id);
    return lines;
  }

  /** A list of steps at `indent`, `count` actions in all, possibly with blocks. */
  function stepList(indent: string, count: number, depth: number): string[] {
    const lines: string[] = [];
    let left = count;
    while (left > 0) {
      const roll = random();
      if (depth < 2 && left >= 2 && roll < 0.06) {
        // if/then/else: 1–4 actions in then, 0–3 in else.
        const inThen = Math.min(left, 1 + Math.floor(random() * 4));
        const inElse = Math.min(left - inThen, Math.floor(random() * 4));
        lines.push(`${indent}- if: "{{ ${pick(ids)}.fields.labels contains '${pick(['customer', 'regression', 'security'])}' }}"`);
        if (chance(0.3)) lines.push(`${indent}  description: Only for labelled issues`);
        lines.push(`${indent}  then:`, ...stepList(`${indent}    `, inThen, depth + 1));
        if (inElse) lines.push(`${indent}  else:`, ...stepList(`${indent}    `, inElse, depth + 1));
        left -= inThen + inElse;
      } else if (depth < 2 && left >= 2 && roll < 0.1) {
        const inLoop = Math.min(left, 1 + Math.floor(random() * 3));
        lines.push(`${indent}- foreach: "{{ ${pick(ids)}.fields.subtasks }}"`, `${indent}  steps:`, ...stepList(`${indent}    `, inLoop, depth + 1));
        left -= inLoop;
      } else {
        lines.push(...actionStep(indent));
        left--;
      }
    }
    return lines;
  }

  return [
    `name: Generated recipe with ${steps} steps`,
    'description: >',
    '  Benchmark input: a long chain of Jira steps across Engineering, Operations, Support and Security,',
    '  with conditions and loops, as a large real recipe grows.',
    'connections:',
    '  jira:',
    '    provider: jira',
    '    host: https://acme.atlassian.net',
    '  zendesk: { provider: zendesk }',
    'defaults:',
    '  project: ENG',
    'trigger:',
    '  id: bug',
    '  connection: jira',
    '  event: updated_issue',
    '  input: { jql: "project = ENG AND priority = Highest" }',
    'steps:',
    ...stepList('  ', steps, 0),
    '',
  ].join('\n');
}

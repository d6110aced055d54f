/**
 * Generated n8n workflows and Workato recipe exports of a given size, for `npm run bench`: a Jira trigger on ENG,
 * then Jira steps of every kind (create with a resource locator, comment, attach, update with an assignee,
 * transition) on the trigger's issue, mixed with non-Jira nodes, as real recipes mix them.
 */

/** An n8n workflow with `nodes` nodes: one Jira Trigger, then Jira and HTTP nodes in a chain. */
export function generateN8nWorkflow(nodes: number): string {
  const credentials = { jiraSoftwareCloudApi: { id: 'c1', name: 'Jira Cloud (acme)' } };
  const list: object[] = [
    {
      id: 'n0',
      name: 'Jira Trigger',
      type: 'n8n-nodes-base.jiraTrigger',
      typeVersion: 1.1,
      position: [0, 0],
      webhookId: 'w0',
      credentials,
      parameters: { events: ['jira:issue_updated'], additionalFields: { filter: 'project = ENG AND priority = Highest' } },
    },
  ];
  const kinds = [
    (i: number) => ({
      type: 'n8n-nodes-base.jira',
      parameters: {
        project: { __rl: true, value: '10000', mode: 'list', cachedResultName: 'Engineering' },
        issueType: { __rl: true, value: '10001', mode: 'list' },
        summary: `=Follow-up {{ $json.key }} #${i}`,
        additionalFields: { assignee: '5b10ac8d82e05b22cc7d4ef5' },
      },
    }),
    () => ({ type: 'n8n-nodes-base.jira', parameters: { resource: 'issueComment', issueKey: '={{ $json.key }}', comment: 'Escalated.' } }),
    () => ({
      type: 'n8n-nodes-base.jira',
      parameters: { resource: 'issueAttachment', operation: 'add', issueKey: '={{ $json.key }}', binaryPropertyName: 'data' },
    }),
    () => ({
      type: 'n8n-nodes-base.jira',
      parameters: {
        operation: 'update',
        issueKey: '={{ $node["Jira Trigger"].json.key }}',
        updateFields: { statusId: '31', assignee: '5b10ac8d82e05b22cc7d4ef5' },
      },
    }),
    (i: number) => ({ type: 'n8n-nodes-base.httpRequest', parameters: { url: `https://hooks.example/${i}`, method: 'POST' } }),
  ];
  for (let i = 1; i < nodes; i++) {
    const node = kinds[i % kinds.length](i);
    list.push({ id: `n${i}`, name: `Step ${i}`, typeVersion: 1, position: [i * 200, 0], ...node, ...(node.type.endsWith('.jira') ? { credentials } : {}) });
  }
  const connections: Record<string, object> = {};
  for (let i = 0; i < nodes - 1; i++) connections[i === 0 ? 'Jira Trigger' : `Step ${i}`] = { main: [[{ node: `Step ${i + 1}`, type: 'main', index: 0 }]] };
  return JSON.stringify({ name: `Generated workflow (${nodes} nodes)`, nodes: list, connections, settings: { executionOrder: 'v1' }, active: false }, null, 2);
}

/** A Workato recipe export with `steps` steps under a Jira trigger, nested in if/foreach blocks. */
export function generateWorkatoRecipe(steps: number): string {
  const alias = (i: number) => i.toString(16).padStart(8, '0');
  const pill = (path: string) => `#{_('data.jira.${alias(0)}.${path}')}`;
  const kinds = [
    (i: number) => ({
      provider: 'jira',
      name: 'create_issue',
      input: { project_issuetype: 'ENG--Task', summary: `Follow-up ${pill('key')} #${i}`, assignee: '5b10ac8d82e05b22cc7d4ef5' },
    }),
    () => ({ provider: 'jira', name: 'create_comment', input: { issue_id_or_key: pill('key'), comment: 'Escalated.' } }),
    () => ({ provider: 'jira', name: 'upload_attachment', input: { issue_id_or_key: pill('key'), file_name: 'log.txt' } }),
    () => ({ provider: 'jira', name: 'update_issue_status', input: { issue_id_or_key: pill('key'), status: 'Closed' } }),
    (i: number) => ({ provider: 'slack', name: 'post_message', input: { channel: 'ops', text: `Issue ${pill('key')} #${i}` } }),
  ];
  const block: object[] = [];
  let current = block;
  for (let i = 1; i < steps; i++) {
    const step = { number: i, keyword: 'action', as: alias(i), uuid: `u-${i}`, ...kinds[i % kinds.length](i) };
    if (i % 20 === 0) {
      const inner: object[] = [];
      block.push({
        number: i,
        keyword: i % 40 === 0 ? 'foreach' : 'if',
        as: alias(100000 + i),
        input: { type: 'compound', operand: 'and', conditions: [] },
        block: inner,
      });
      current = inner;
    }
    current.push(step);
  }
  const code = {
    number: 0,
    provider: 'jira',
    name: 'updated_issue',
    as: alias(0),
    keyword: 'trigger',
    input: { since: '2026-01-01T00:00:00Z', jql: 'project = ENG' },
    block,
  };
  const config = [
    { keyword: 'application', provider: 'jira', skip_validation: false, account_id: { zip_name: 'jira_acme.connection.json', name: 'Jira acme', folder: '' } },
  ];
  return JSON.stringify({ name: `Generated recipe (${steps} steps)`, version: 3, private: true, concurrency: 1, code, config }, null, 2);
}

import { describePermission } from '../../catalog/permissions';
import { needText, stepText } from '../needs-report/markdown';
import { ROLE_ID_PLACEHOLDER, type SiteProposal } from './proposal';

/** The REST paths of the admin's calls, per deployment; the base path is Data Center's where the site is not Cloud. */
function api(proposal: SiteProposal): string {
  return proposal.account?.deployment === 'server' ? '/rest/api/2' : '/rest/api/3';
}

/**
 * The administrator's steps in plain words, then the JSON to send: create the role, add the account in each
 * project, grant the permissions (to each project's current scheme, or through the new scheme), global permissions.
 */
export function proposalMarkdown(proposals: readonly SiteProposal[]): string {
  const out: string[] = ['# Permission scheme proposal', ''];
  if (!proposals.length) out.push('No Jira steps: nothing to grant.', '');
  for (const p of proposals) out.push(...siteSteps(p));
  return `${out.join('\n').trimEnd()}\n`;
}

function siteSteps(p: SiteProposal): string[] {
  const role = p.role.name;
  const account = p.account?.label ?? 'the integration account (an account used by these recipes only)';
  const base = api(p);
  const keys = p.projects.map((x) => x.project);
  const out = [`## ${p.siteKnown ? p.site : `${p.site} (no site named: the site this connection signs in to)`}`, ''];
  let n = 0;
  const step = (text: string) => out.push(`${++n}. ${text}`);
  if (keys.length) {
    step(
      `**Create the project role "${role}"** (Jira administration → System → Project roles → Add project role), or \`POST ${base}/role\` with ` +
        `\`${JSON.stringify({ name: role, description: p.role.description })}\`. Note the id Jira gives it${p.role.id === ROLE_ID_PLACEHOLDER ? `: it replaces ${ROLE_ID_PLACEHOLDER} below` : ''}.`,
    );
    step(
      `**Add ${account} to the role in each project**: ${keys.join(', ')} (Project settings → People → Add people, role ${role}), or ` +
        `\`POST ${base}/project/{projectKey}/role/{roleId}\` with \`{"user": ["<${p.account?.deployment === 'server' ? 'username' : 'account id'}>"]}\`.`,
    );
    step(`**Grant the role its permissions**, in one of two ways:`);
    out.push(
      `   - *Add the grants to the scheme each project uses now* (Project settings → Permissions → Actions → Edit permissions → Grant permission → Project role ${role}), ` +
        `or \`POST ${base}/permissionscheme/{schemeId}/permission\` with \`{"holder": {"type": "projectRole", "parameter": "${p.role.id}"}, "permission": "KEY"}\` per permission:`,
    );
    for (const project of p.projects) out.push(`     - ${project.project}: ${project.permissions.map(describePermission).join(', ')}`);
    out.push(
      `   - *Or create the scheme below* (\`POST ${base}/permissionscheme\`) and associate it with the projects ` +
        `(Project settings → Permissions → Actions → Use a different scheme, or \`PUT ${base}/project/{projectKey}/permissionscheme\` with \`{"id": <scheme id>}\`). ` +
        `A project has one scheme: associating this one replaces its current scheme, and with it every other user's permissions there. ` +
        `Use it only for projects that the integration alone works in, or copy these grants into the project's scheme instead.`,
    );
    for (const c of p.choices)
      out.push(
        `   - Where any one of several permissions will do (${needText(c.alternatives)}), the proposal grants the least: ${describePermission(c.chosen)}.`,
      );
  }
  const levels = p.projects.filter((x) => x.securityLevels?.length);
  if (levels.length) {
    step(
      `**Issue security levels**: the recipes set these levels, so the role must be a member of each ` +
        `(Jira administration → Issues → Issue security schemes → the project's scheme → Security levels → Add → Project role ${role}):`,
    );
    for (const x of levels) out.push(`   - ${x.project}: ${(x.securityLevels ?? []).join(', ')}`);
  }
  if (p.global.length) {
    step(
      `**Global permissions** (Jira administration → System → Global permissions): grant each to a group that only ${account} belongs to (create one if needed):`,
    );
    for (const g of p.global) {
      out.push(`   - ${describePermission(g.permission)}, needed by ${g.steps.map(stepText).join('; ')}.`);
      if (g.forWebhooks)
        out.push(
          `     Only to register the webhook of a real-time trigger. Instead, a Jira administrator can register the webhook by hand (Jira administration → System → WebHooks) ` +
            `and the recipe can use an HTTP webhook trigger${g.pollingAlternatives.length ? `, or the polling trigger ${g.pollingAlternatives.map((x) => `"${x}"`).join(' or ')}` : ''}; ` +
            `then the account needs no Administer Jira at all.`,
        );
    }
  }
  if (p.unresolved.length) {
    step("**Not covered yet**: these steps work in a project the recipe doesn't tell; set it, then propose again:");
    for (const u of p.unresolved) out.push(`   - ${stepText(u.step)}: ${u.fix}.`);
  }
  step(`**Check again**: \`jira-recipe-lint check <recipes> --site ${p.siteKnown ? p.site : 'URL'}\` should report no missing permission.`);
  out.push('', `The permission scheme (\`POST ${base}/permissionscheme\`):`, '', '```json', JSON.stringify(p.permissionScheme, null, 2), '```', '');
  return out;
}

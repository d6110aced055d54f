import { describePermission } from '../../catalog/permissions';
import type { NeedLine, NeedsReport, SiteNeeds, StepRef } from './model';

/** How a step is named in the report: `file:line` and its label, with the input that adds the need. */
export function stepText(ref: StepRef): string {
  return `${ref.recipe}:${ref.line} ${ref.label} (${ref.operation})${ref.input ? `, because input ${ref.input} is set` : ''}`;
}

/** "Add Comments (ADD_COMMENTS)", or "one of: Edit Own Comments (…) or Edit All Comments (…)". */
export function needText(permissions: readonly string[]): string {
  const names = permissions.map(describePermission);
  return names.length > 1 ? `one of: ${names.join(' or ')}` : names[0];
}

export interface MarkdownOptions {
  /** A link target for a step (e.g. the file at its line), making each step a link. */
  readonly stepLink?: (ref: StepRef) => string | undefined;
}

const STATUS_TEXT = { held: '✅ held', missing: '❌ missing', unknown: '❔ unknown' } as const;

/** The report as Markdown, for pasting into a ticket: a section per site, a table per scope. */
export function needsReportMarkdown(report: NeedsReport, options: MarkdownOptions = {}): string {
  const step = (ref: StepRef): string => {
    const link = options.stepLink?.(ref);
    return link ? `[${cell(stepText(ref)).replace(/[[\]]/g, '\\$&')}](${link})` : cell(stepText(ref));
  };
  const out: string[] = ['# Jira permissions these recipes need', ''];
  out.push(`Recipes: ${report.recipes.map((r) => `\`${cell(r)}\``).join(', ') || 'none'}.`, '');
  if (!report.sites.length) out.push('No Jira steps: these recipes need no Jira permissions.', '');
  for (const site of report.sites) out.push(...siteSection(site, step));
  return `${out.join('\n').trimEnd()}\n`;
}

function siteSection(site: SiteNeeds, step: (ref: StepRef) => string): string[] {
  const out = [`## ${site.siteKnown ? site.site : `${capitalise(site.site)} (no site named)`}`, ''];
  const withStatus = site.account !== undefined;
  if (site.account) {
    const flavour = site.account.deployment === 'cloud' ? 'Jira Cloud' : 'Jira Server/Data Center';
    out.push(`Account: ${site.account.label} on ${site.account.site} (${flavour}), permissions as of ${site.account.fetchedAt}.`, '');
  }
  if (site.global.length) {
    out.push('### Global permissions', '', 'Granted by a Jira administrator (Jira administration → System → Global permissions).', '');
    out.push(...table(site.global, withStatus, step));
  }
  for (const project of site.projects) {
    out.push(`### Project ${project.project}${project.name ? ` (${cell(project.name)})` : ''}`, '');
    out.push(...table(project.needs, withStatus, step));
    if (project.securityLevels)
      out.push(`Issue security levels the recipes set: ${project.securityLevels.map(cell).join(', ')}. The account must be a member of each level.`, '');
  }
  if (site.unresolved.length) {
    out.push("### Steps whose project can't be told", '', '| Step | Needs | What to set |', '| --- | --- | --- |');
    for (const u of site.unresolved) out.push(`| ${step(u.step)} | ${u.needs.map((n) => cell(needText(n))).join('; ')} | ${cell(u.fix)} |`);
    out.push('');
  }
  const extra = site.notNeeded;
  if (extra && (extra.global.length || extra.projects.length)) {
    out.push('### Held but not needed by these recipes', '');
    for (const key of extra.global)
      out.push(`- ${describePermission(key)} (global)${key === 'ADMINISTER' ? ': no recipe here needs it; consider removing it' : ''}`);
    for (const p of extra.projects) out.push(`- Project ${p.project}: ${p.permissions.map(describePermission).join(', ')}`);
    out.push('');
  }
  return out;
}

function table(lines: readonly NeedLine[], withStatus: boolean, step: (ref: StepRef) => string): string[] {
  const out = withStatus ? ['| Permission | Needed by | Account |', '| --- | --- | --- |'] : ['| Permission | Needed by |', '| --- | --- |'];
  for (const line of lines) {
    const steps = line.steps.map(step).join('<br>');
    out.push(`| ${cell(needText(line.permissions))} | ${steps} |${withStatus ? ` ${line.status ? STATUS_TEXT[line.status] : ''} |` : ''}`);
  }
  out.push('');
  return out;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

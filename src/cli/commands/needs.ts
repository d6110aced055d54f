import { buildNeedsReport, hasMissing, needsReportCsv, needsReportJson, needsReportMarkdown } from '../../core/assist/needs-report';
import { proposalMarkdown, proposeSchemes } from '../../core/assist/scheme-proposal';
import { mergeNeeds, JiraUnavailableError } from '../../core/jira';
import type { PermissionSnapshot } from '../../core/snapshot';
import { loadWorkspaceConfig } from '../config';
import { expandRecipeArgs } from '../files';
import { fetchLiveSnapshot, needsOfProjects, needsOfRecipes, type LiveOptions } from '../live';
import { InputError, UsageError } from '../usage';
import { analyseFiles, readSnapshotFile, type AnalysedFile } from './check';

/** The options of `needs` besides those of --site (which main.ts adds, as for check and snapshot). */
export const NEEDS_OPTIONS = {
  snapshot: { type: 'string', multiple: true },
  format: { type: 'string', default: 'markdown' },
  scheme: { type: 'boolean', default: false },
  role: { type: 'string' },
  'role-id': { type: 'string' },
  'fail-on-missing': { type: 'boolean', default: false },
} as const;

export interface NeedsArgs {
  readonly values: Record<string, unknown>;
  readonly positionals: readonly string[];
  /** The --site options, when --site was given. */
  readonly live?: LiveOptions;
}

const FORMATS = ['markdown', 'json', 'csv'];
const BROKEN = new Set(['yaml-syntax', 'json-syntax', 'unknown-format']);

/**
 * `needs`: what the recipes need from Jira (the report), or with --scheme the permission scheme that grants it.
 * Exit 0; with --fail-on-missing, 1 when an account was given and it lacks something.
 */
export async function runNeeds(args: NeedsArgs, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { values, positionals, live } = args;
  const format = values.format as string;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be markdown, json or csv, not "${format}".`);
  if (values.scheme && format === 'csv') throw new UsageError('--scheme prints Markdown or JSON, not CSV.');
  const snapshotFiles = (values.snapshot as string[] | undefined) ?? [];
  if (live && snapshotFiles.length) throw new UsageError('Give either --snapshot or --site, not both.');
  if (!positionals.length) throw new UsageError('needs wants at least one recipe file, folder or glob.');
  const roleId = values['role-id'] as string | undefined;
  if (roleId !== undefined && !/^\d+$/.test(roleId)) throw new UsageError(`--role-id must be the numeric id of a project role, not "${roleId}".`);

  const config = loadWorkspaceConfig(values.config as string | undefined, (values.connection as string[] | undefined) ?? []);
  const snapshots = snapshotFiles.map(readSnapshotFile);
  const paths = await expandRecipeArgs(positionals);
  if (!paths.length)
    throw new InputError(`No recipe files (*.recipe.yaml, *.recipe.yml, *.recipe.json, n8n or Workato JSON) found in ${positionals.join(', ')}.`);
  const files = analyseFiles(paths, config);
  for (const { file, analysis } of files) {
    const broken = analysis.findings.find((f) => BROKEN.has(f.code));
    if (broken) err(`jira-recipe-lint: ${file}: not read as a recipe (${broken.message}); its needs are not in the report.\n`);
  }
  if (live) {
    const fetched = await fetchForReport(live, files, err);
    if (fetched) snapshots.push(fetched);
  }

  const report = buildNeedsReport(
    files.map((f) => ({ recipe: f.file, analysis: f.analysis })),
    snapshots,
  );
  if (values.scheme) {
    const proposals = proposeSchemes(report, { role: values.role as string | undefined, roleId });
    out(format === 'json' ? `${JSON.stringify(proposals, null, 2)}\n` : proposalMarkdown(proposals));
  } else {
    out(format === 'json' ? needsReportJson(report) : format === 'csv' ? needsReportCsv(report) : needsReportMarkdown(report));
  }
  return values['fail-on-missing'] && snapshots.length && hasMissing(report) ? 1 : 0;
}

/**
 * The account's permissions for the report: what the recipes need, and every other permission in the same projects
 * and globally, so that what it holds beyond the needs shows. An unreachable Jira leaves the lines unknown.
 */
async function fetchForReport(live: LiveOptions, files: readonly AnalysedFile[], err: (text: string) => void): Promise<PermissionSnapshot | undefined> {
  const needs = needsOfRecipes(
    files.map((f) => f.analysis),
    live.site,
  );
  const everything = needsOfProjects(Object.keys(needs.projects));
  try {
    return await fetchLiveSnapshot(live, { ...mergeNeeds(needs, { ...everything, securityLevelProjects: [] }), explain: false });
  } catch (e) {
    if (!(e instanceof JiraUnavailableError)) throw e;
    err(`jira-recipe-lint: ${live.site} is unavailable (${e.message}); permissions are reported as unknown.\n`);
    return undefined;
  }
}

/**
 * The needs report: what a set of recipes needs from Jira, per site, for the administrator who grants it. Its JSON
 * form is `schemas/needs-report.schema.json`; the Markdown and CSV renderers read the same object.
 */

/** Held, missing or unknown for the account given; absent when no account was given. */
export type NeedStatus = 'held' | 'missing' | 'unknown';

/** A step that needs something, where to find it. */
export interface StepRef {
  /** The recipe file as it was given (path or name). */
  readonly recipe: string;
  /** The step's id, else its path in the recipe. */
  readonly step: string;
  /** How messages name the step: `Trigger "bug"`, `Step "note"`. */
  readonly label: string;
  readonly operation: string;
  /** 1-based line of the step's operation. */
  readonly line: number;
  /** The input that adds this need (e.g. `assignee`), when the step needs it only because the input is set. */
  readonly input?: string;
}

/** One thing to grant: a single permission, or alternatives (`anyOf`) of which any one will do. */
export interface NeedLine {
  readonly permissions: readonly string[];
  readonly anyOf: boolean;
  readonly steps: readonly StepRef[];
  readonly status?: NeedStatus;
}

export interface ProjectNeeds {
  readonly project: string;
  readonly name?: string;
  readonly needs: readonly NeedLine[];
  /** Issue security levels the recipes set here: the account must be a member of each to set it. */
  readonly securityLevels?: readonly string[];
}

/** A step that needs project permissions in a project the recipe doesn't tell. */
export interface UnresolvedStep {
  readonly step: StepRef;
  /** Each entry one requirement: a single key, or alternatives. */
  readonly needs: readonly (readonly string[])[];
  /** What to set in the recipe so the project can be told. */
  readonly fix: string;
}

/** Permissions the account holds that no recipe here needs (Administer Jira above all). */
export interface NotNeeded {
  readonly global: readonly string[];
  readonly projects: readonly { readonly project: string; readonly permissions: readonly string[] }[];
}

export interface ReportAccount {
  readonly label: string;
  readonly site: string;
  readonly deployment: 'cloud' | 'server';
  readonly fetchedAt: string;
}

export interface SiteNeeds {
  /** The site's base URL, or `connection "NAME"` when the recipes name no site for it. */
  readonly site: string;
  readonly siteKnown: boolean;
  readonly account?: ReportAccount;
  readonly global: readonly NeedLine[];
  readonly projects: readonly ProjectNeeds[];
  readonly unresolved: readonly UnresolvedStep[];
  readonly notNeeded?: NotNeeded;
}

export interface NeedsReport {
  readonly version: 1;
  readonly recipes: readonly string[];
  readonly sites: readonly SiteNeeds[];
}

/** True when an account was given and some need is known to be missing. */
export function hasMissing(report: NeedsReport): boolean {
  return report.sites.some((s) => [...s.global, ...s.projects.flatMap((p) => p.needs)].some((n) => n.status === 'missing'));
}

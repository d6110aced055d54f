import * as vscode from 'vscode';
import {
  analyzeOversized,
  analyzeRecipe,
  analyzeUnreadable,
  applySuppressions,
  check,
  compareFindings,
  overPrivilegeFindings,
  permissionNeeds,
  type Finding,
  type RecipeAnalysis,
} from '../../core/check';
import { isRecipeFile } from '../../core/recipe/files';
import { MAX_RECIPE_BYTES } from '../../core/recipe/limits';
import { ignoreRulesFor, type WorkspaceConfig } from '../../core/config/workspace-config';
import type { PermissionService } from '../accounts/permission-service';
import { toDiagnostic, toSuppressedDiagnostic } from '../convert';
import { readSettings } from '../settings';
import { forgetDocument, isRecipeDocument, recipeFileName } from './recipe-documents';

interface Checked {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly analysis: RecipeAnalysis;
  /** The recipe's own findings, before suppressions. */
  readonly own: readonly Finding[];
  /** Findings that only the workspace as a whole tells (account-over-privileged), before suppressions. */
  workspace: readonly Finding[];
  /** What stands after suppressions: what hovers, quick fixes and access requests see. */
  findings: Finding[];
}

/** A recipe to publish the findings of; version -1 for a file read from disk. */
interface ToPublish {
  readonly uri: vscode.Uri;
  readonly analysis: RecipeAnalysis;
  readonly version?: number;
}

/**
 * Keeps the diagnostics of recipe files: schema and catalog findings at once and offline, permission findings from
 * the linked accounts' snapshots, re-checked when those change. In an untrusted workspace only the first kind.
 */
export class RecipeChecker implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('jira-recipe-lint');
  private readonly checked = new Map<string, Checked>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Set by the first workspace check: from then on, the recipes held stand for the workspace, for its findings. */
  private workspaceChecked = false;
  /** The workspace configuration each analysis was made with: its connection sites are part of the model. */
  private readonly madeWith = new WeakMap<RecipeAnalysis, WorkspaceConfig>();
  /** Fires after a recipe's findings change, or it is forgotten. */
  readonly onDidCheck = this.changed.event;

  constructor(
    private readonly permissions: PermissionService,
    private readonly config: () => WorkspaceConfig,
  ) {}

  isRecipe(document: vscode.TextDocument): boolean {
    return isRecipeDocument(document);
  }

  /** Reads a recipe's text as the file it is, with the workspace's connection sites. */
  analyze(text: string, fileName: string): RecipeAnalysis {
    return this.remember(analyzeRecipe(text, { fileName, connectionSites: this.config().connections }));
  }

  /** A file too large to read: a finding in place of its analysis. */
  oversized(bytes: number, fileName: string): RecipeAnalysis {
    return this.remember(analyzeOversized(bytes, { fileName }));
  }

  /** A file that could not be read, for the reason given. */
  unreadable(reason: unknown, fileName: string): RecipeAnalysis {
    return this.remember(analyzeUnreadable(reason, { fileName }));
  }

  private remember(analysis: RecipeAnalysis): RecipeAnalysis {
    this.madeWith.set(analysis, this.config());
    return analysis;
  }

  /** Whether an analysis was made with the workspace configuration in force now. */
  private isCurrent(analysis: RecipeAnalysis): boolean {
    return this.madeWith.get(analysis) === this.config();
  }

  /** Checks after the typing pause (setting `checkDelayMs`). */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.checkDocument(document);
      }, readSettings().checkDelayMs),
    );
  }

  /** Checks an open recipe now and asks for any permissions it needs that aren't fetched yet. */
  checkDocument(document: vscode.TextDocument): Finding[] {
    if (!this.isRecipe(document)) {
      // A JSON file that stopped being a recipe (edited into something else) loses its findings.
      if (this.checked.has(document.uri.toString())) this.forget(document.uri);
      return [];
    }
    const findings = this.publish(document.uri, this.analysis(document), document.version);
    this.requestPermissions();
    return findings;
  }

  /**
   * Asks for what every recipe we hold needs, in one request per account: each account has one current snapshot,
   * so it must cover all of them, or recipes needing different projects would take turns overwriting it.
   */
  private requestPermissions(): void {
    if (vscode.workspace.isTrusted) this.permissions.request(permissionNeeds([...this.checked.values()].map((e) => e.analysis)));
  }

  /** Sets the findings of a file that was checked elsewhere (the workspace check reads files that aren't open). */
  publish(uri: vscode.Uri, analysis: RecipeAnalysis, version = -1): Finding[] {
    return this.publishAll([{ uri, analysis, version }])[0];
  }

  /**
   * Sets the findings of every recipe of the workspace, and from now on keeps the findings that only the workspace
   * as a whole tells (an account holding more than any recipe needs) true at each change of a recipe or account.
   */
  publishWorkspace(recipes: readonly ToPublish[]): Finding[][] {
    this.workspaceChecked = true;
    // A file of the workspace it no longer holds was deleted (before its watcher told us) or is no recipe any more.
    // Recipes from elsewhere (untitled, outside the folders) stay.
    const current = new Set(recipes.map((r) => r.uri.toString()));
    for (const entry of [...this.checked.values()])
      if (!current.has(entry.uri.toString()) && vscode.workspace.getWorkspaceFolder(entry.uri)) this.drop(entry.uri);
    return this.publishAll(recipes);
  }

  private publishAll(recipes: readonly ToPublish[]): Finding[][] {
    const snapshots = this.permissions.snapshots();
    for (const { uri, analysis, version = -1 } of recipes) {
      const own = vscode.workspace.isTrusted ? check(analysis, snapshots) : [...analysis.findings];
      this.checked.set(uri.toString(), { uri, version, analysis, own, workspace: [], findings: [] });
    }
    this.updateWorkspaceFindings(new Set(recipes.map((r) => r.uri.toString())));
    return recipes.map((r) => this.checked.get(r.uri.toString())?.findings ?? []);
  }

  /** Recomputes the workspace-level findings; shows the recipes in `changed` and those whose findings moved. */
  private updateWorkspaceFindings(changed: ReadonlySet<string>): void {
    const entries = [...this.checked.values()];
    const workspace =
      this.workspaceChecked && vscode.workspace.isTrusted
        ? overPrivilegeFindings(
            entries.map((e) => ({ path: e.uri.path, analysis: e.analysis })),
            this.permissions.snapshots(),
          )
        : entries.map((): Finding[] => []);
    entries.forEach((entry, i) => {
      if (!changed.has(entry.uri.toString()) && sameFindings(entry.workspace, workspace[i])) return;
      entry.workspace = workspace[i];
      this.show(entry);
    });
  }

  private show(entry: Checked): void {
    // Suppressed findings stay visible as hints; hovers, quick fixes and access requests see only the others.
    const rules = ignoreRulesFor(this.config(), vscode.workspace.asRelativePath(entry.uri, false));
    const all = [...entry.own, ...entry.workspace].sort(compareFindings);
    const { findings, suppressed } = applySuppressions(all, entry.analysis.model.suppressions, rules);
    entry.findings = findings;
    this.collection.set(entry.uri, [...findings.map(toDiagnostic), ...suppressed.map(toSuppressedDiagnostic)]);
    this.changed.fire(entry.uri);
  }

  /** Re-checks every recipe we hold findings for, e.g. after an account was linked or permissions arrived. */
  recheckAll(): void {
    const open = new Set<string>();
    const recipes: ToPublish[] = [];
    for (const document of vscode.workspace.textDocuments) {
      open.add(document.uri.toString());
      if (!this.isRecipe(document)) {
        if (this.checked.has(document.uri.toString())) this.drop(document.uri);
        continue;
      }
      recipes.push({ uri: document.uri, analysis: this.analysis(document), version: document.version });
    }
    for (const [key, entry] of this.checked) {
      if (open.has(key)) continue;
      recipes.push({ uri: entry.uri, analysis: this.isCurrent(entry.analysis) ? entry.analysis : this.analyze(entry.analysis.text, entry.uri.path) });
    }
    this.publishAll(recipes);
    this.requestPermissions();
  }

  /** The parsed recipe, reused while the document and the workspace configuration are unchanged. */
  analysis(document: vscode.TextDocument): RecipeAnalysis {
    const entry = this.checked.get(document.uri.toString());
    if (entry && entry.version === document.version && this.isCurrent(entry.analysis)) return entry.analysis;
    // Its length first: the text of a huge document is never fetched, let alone parsed.
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    if (length > MAX_RECIPE_BYTES) return this.oversized(length, recipeFileName(document));
    return this.analyze(document.getText(), recipeFileName(document));
  }

  findings(uri: vscode.Uri): readonly Finding[] {
    return this.checked.get(uri.toString())?.findings ?? [];
  }

  /** Every checked recipe with its findings. */
  all(): { uri: vscode.Uri; analysis: RecipeAnalysis; findings: readonly Finding[] }[] {
    return [...this.checked.values()].map((e) => ({ uri: e.uri, analysis: e.analysis, findings: e.findings }));
  }

  /**
   * Follows a recipe file that isn't open (or was just closed, perhaps with its changes discarded): checks it as it
   * is on disk, if its findings are shown; drops them when the file is gone.
   */
  async recheckFromDisk(uri: vscode.Uri): Promise<void> {
    if (!this.checked.has(uri.toString())) return;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      this.publish(uri, this.analyze(text, uri.path));
    } catch {
      this.forget(uri);
    }
  }

  /**
   * A recipe file created outside the editor (`named`: it matches the `files` setting; else a JSON file, a recipe by
   * content): once a workspace check has run, the workspace holds it too, and its findings can change the others'.
   */
  async adoptCreated(uri: vscode.Uri, named: boolean): Promise<void> {
    if (!this.workspaceChecked || this.checked.has(uri.toString())) return;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (named || isRecipeFile(uri.path, () => text)) this.publish(uri, this.analyze(text, uri.path));
    } catch {
      // Gone again before it could be read.
    }
  }

  forget(uri: vscode.Uri): void {
    this.drop(uri);
    this.updateWorkspaceFindings(new Set());
  }

  /** Forgets a deleted file, or every checked file under a deleted folder. */
  forgetUnder(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    for (const key of [...this.checked.keys()]) if (key === uri.toString() || key.startsWith(prefix)) this.drop(vscode.Uri.parse(key));
    this.updateWorkspaceFindings(new Set());
  }

  private drop(uri: vscode.Uri): void {
    forgetDocument(uri);
    this.checked.delete(uri.toString());
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    this.changed.dispose();
  }
}

/** Whether two lists of findings say the same, at the same places. */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  const text = (findings: readonly Finding[]) => JSON.stringify(findings.map((f) => [f.code, f.message, f.range]));
  return text(a) === text(b);
}

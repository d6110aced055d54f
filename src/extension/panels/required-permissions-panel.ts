import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildNeedsReport, needsReportMarkdown, type NeedsReport, type StepRef } from '../../core/assist/needs-report';
import { proposeSchemes } from '../../core/assist/scheme-proposal';
import type { RecipeAnalysis } from '../../core/check';
import type { PermissionService } from '../accounts/permission-service';
import { readWorkspaceRecipes } from '../commands/check-permissions';
import type { RecipeChecker } from '../recipes/recipe-checker';
import { reportPanelHtml, stepAnchor } from './report-html';

export const REQUIRED_PERMISSIONS_VIEW = 'jiraRecipeLint.requiredPermissions';

/** Every recipe of the workspace, or the one recipe the command was run on. */
export type ReportScope = { readonly kind: 'workspace' } | { readonly kind: 'recipe'; readonly uri: vscode.Uri };

/** What the panel shows: the report, its Markdown (steps linked to their file and line) and the panel's HTML. */
export interface RequiredPermissions {
  readonly report: NeedsReport;
  readonly markdown: string;
  readonly html: string;
}

/** What the webview posts: a button's action, or a click on a step's link. */
export type PanelMessage =
  | { readonly type: 'copyAccessRequest' }
  | { readonly type: 'copyMarkdown' }
  | { readonly type: 'copySchemeJson' }
  | { readonly type: 'openStep'; readonly step: number };

interface Shown extends RequiredPermissions {
  readonly scope: ReportScope;
  /** The step links' targets, by the index in their anchor. */
  readonly steps: readonly { readonly uri: vscode.Uri; readonly line: number }[];
}

/** After a change, how long the panel waits for more before it renders again: typing and a check come in bursts. */
const REFRESH_DELAY_MS = 300;

/**
 * The one Show Required Permissions panel: a webview that renders the needs report in the theme's colours, renders
 * again when recipes or permissions change, and answers its buttons and step links.
 */
export class RequiredPermissionsPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private shown?: Shown;
  private timer?: NodeJS.Timeout;
  /** Renders overlap (a refresh while the command renders): only the latest one is shown. */
  private generation = 0;
  private readonly rendered = new vscode.EventEmitter<RequiredPermissions>();
  /** Fires after each render that the panel shows. */
  readonly onDidRender = this.rendered.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly checker: RecipeChecker,
    private readonly permissions: PermissionService,
  ) {
    this.subscriptions = [checker.onDidCheck(() => this.scheduleRefresh()), permissions.onDidChange(() => this.scheduleRefresh())];
  }

  /** Renders the report for the scope and shows it, in the panel (created once, then reused). */
  async show(scope: ReportScope): Promise<RequiredPermissions> {
    const shown = await this.render(scope);
    this.generation++;
    try {
      this.display(shown);
    } catch {
      // Where no webview can be made, the Markdown itself.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: shown.markdown }));
    }
    return visible(shown);
  }

  /** What the panel shows now, if it is open. */
  current(): RequiredPermissions | undefined {
    return this.panel && this.shown && visible(this.shown);
  }

  /** Answers a message of the webview: copies what a button names, or opens the step a link names. */
  async receive(message: PanelMessage): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    switch (message.type) {
      case 'copyAccessRequest':
        await vscode.commands.executeCommand(
          'jiraRecipeLint.copyAccessRequest',
          shown.scope.kind === 'workspace' ? { scope: 'workspace' } : { uri: shown.scope.uri },
        );
        return;
      case 'copyMarkdown':
        await vscode.env.clipboard.writeText(needsReportMarkdown(shown.report));
        void vscode.window.showInformationMessage('The required permissions report (Markdown) is on the clipboard.');
        return;
      case 'copySchemeJson':
        await vscode.env.clipboard.writeText(schemeJson(shown.report));
        void vscode.window.showInformationMessage("The permission scheme's JSON is on the clipboard: the body of Jira's create-permission-scheme call.");
        return;
      case 'openStep': {
        const step = shown.steps[message.step];
        if (!step) return;
        const document = await vscode.workspace.openTextDocument(step.uri);
        const line = document.lineAt(Math.min(step.line, document.lineCount) - 1).range;
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: line });
      }
    }
  }

  private display(shown: Shown): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        REQUIRED_PERMISSIONS_VIEW,
        'Required Jira Permissions',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
      );
      this.panel.webview.onDidReceiveMessage((m: PanelMessage) => void this.receive(m));
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        clearTimeout(this.timer);
      });
    } else {
      this.panel.reveal(undefined, true);
    }
    this.shown = shown;
    this.panel.webview.html = shown.html;
    this.rendered.fire(visible(shown));
  }

  private scheduleRefresh(): void {
    if (!this.panel || !this.shown) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    const scope = this.shown?.scope;
    if (!this.panel || !scope) return;
    const generation = ++this.generation;
    const shown = await this.render(scope);
    if (generation === this.generation && this.panel) this.display(shown);
  }

  private async render(scope: ReportScope): Promise<Shown> {
    const files = scope.kind === 'workspace' ? await readWorkspaceRecipes(this.checker) : await this.recipe(scope.uri);
    const recipes = files.map((f) => ({ recipe: vscode.workspace.asRelativePath(f.uri), analysis: f.analysis, uri: f.uri }));
    const report = buildNeedsReport(recipes, this.permissions.snapshots());
    const uris = new Map(recipes.map((r) => [r.recipe, r.uri]));
    const fileLink = (ref: StepRef) =>
      uris
        .get(ref.recipe)
        ?.with({ fragment: `L${ref.line}` })
        .toString();
    const steps: Shown['steps'][number][] = [];
    const anchor = (ref: StepRef) => {
      const uri = uris.get(ref.recipe);
      if (!uri) return undefined;
      steps.push({ uri, line: ref.line });
      return stepAnchor(steps.length - 1);
    };
    const html = reportPanelHtml(needsReportMarkdown(report, { stepLink: anchor }), randomBytes(16).toString('base64'));
    return { scope, report, markdown: needsReportMarkdown(report, { stepLink: fileLink }), html, steps };
  }

  /** The one recipe: as open in an editor, else as last checked, else as on disk. */
  private async recipe(uri: vscode.Uri): Promise<{ uri: vscode.Uri; analysis: RecipeAnalysis }[]> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) return [{ uri, analysis: this.checker.analysis(document) }];
    const checked = this.checker.all().find((r) => r.uri.toString() === uri.toString());
    if (checked) return [{ uri, analysis: checked.analysis }];
    try {
      return [{ uri, analysis: this.checker.analyze(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), uri.path) }];
    } catch (e) {
      return [{ uri, analysis: this.checker.unreadable(e, uri.path) }];
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.panel?.dispose();
    this.rendered.dispose();
  }
}

function visible({ report, markdown, html }: Shown): RequiredPermissions {
  return { report, markdown, html };
}

/** The body of Jira's create-permission-scheme call: for one site the body itself, for several one per site. */
function schemeJson(report: NeedsReport): string {
  const proposals = proposeSchemes(report);
  const body = proposals.length === 1 ? proposals[0].permissionScheme : Object.fromEntries(proposals.map((p) => [p.site, p.permissionScheme]));
  return `${JSON.stringify(body, null, 2)}\n`;
}

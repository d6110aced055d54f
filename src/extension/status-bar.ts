import * as vscode from 'vscode';
import { isGrantable } from '../core/check';
import type { AccountStore } from './accounts/account-store';
import type { PermissionService } from './accounts/permission-service';
import type { RecipeChecker } from './recipes/recipe-checker';
import { accountHandle, accountName } from '../core/snapshot';

/** The account the active recipe runs as, and its state: checking, ok, N missing, not linked, offline. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('jiraRecipeLint.status', vscode.StatusBarAlignment.Left, 50);

  constructor(
    private readonly accounts: AccountStore,
    private readonly permissions: PermissionService,
    private readonly checker: RecipeChecker,
  ) {
    this.item.name = 'Jira Recipe Lint';
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.checker.isRecipe(document)) return this.item.hide();
    if (!vscode.workspace.isTrusted)
      return this.show(
        '$(shield) Jira: restricted mode',
        'Permission checks need a trusted workspace; schema and catalog checks still run.',
        'workbench.trust.manage',
      );

    const hosts = new Set(this.checker.analysis(document).jiraSteps.map((s) => s.connection.host));
    const account = [...hosts].map((h) => this.accounts.forHost(h)).find((a) => a !== undefined);
    if (!account) return this.show('$(account) Jira: not linked', 'Link the Jira account this recipe runs as.', 'jiraRecipeLint.linkAccount');

    const who = accountHandle(account.account);
    const state = this.permissions.state(account.site);
    const missing = this.checker.findings(document.uri).filter(isGrantable).length;
    const tooltip = `${accountName(account.account)} on ${account.site}${state?.detail ? `\n${state.detail}` : ''}`;
    switch (state?.state) {
      case 'checking':
        return this.show(`$(sync~spin) Jira: ${who} · checking`, tooltip, 'jiraRecipeLint.showAccounts');
      case 'offline':
        return this.show(`$(debug-disconnect) Jira: ${who} · offline`, tooltip, 'jiraRecipeLint.refreshPermissions');
      case 'auth-failed':
        return this.show(`$(error) Jira: ${who} · login rejected`, tooltip, 'jiraRecipeLint.linkAccount');
      case 'unsupported':
        return this.show(`$(warning) Jira: ${who} · unsupported version`, tooltip, 'jiraRecipeLint.showAccounts');
      default:
        return missing
          ? this.show(`$(shield) Jira: ${who} · ${missing} missing`, tooltip, 'jiraRecipeLint.copyAccessRequest')
          : this.show(`$(pass) Jira: ${who} · ok`, tooltip, 'jiraRecipeLint.showAccounts');
    }
  }

  private show(text: string, tooltip: string, command: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

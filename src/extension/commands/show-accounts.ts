import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/account-store';
import type { PermissionService } from '../accounts/permission-service';
import { accountName } from '../../core/snapshot';

/** Show Linked Accounts: each site, account, sign-in and state; picking one offers refresh, export and unlink. */
export function registerShowAccounts(context: vscode.ExtensionContext, accounts: AccountStore, permissions: PermissionService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jiraRecipeLint.showAccounts', async (args: { quiet?: boolean } = {}) => {
      const list = accounts.list().map((a) => {
        const state = permissions.state(a.site);
        const fetched = permissions.snapshotOf(a.site)?.fetchedAt;
        return {
          site: a.site,
          account: accountName(a.account),
          deployment: a.deployment,
          authType: a.authType,
          state: state?.state ?? 'not checked yet',
          detail: state?.detail,
          fetchedAt: fetched,
        };
      });
      if (args.quiet) return list;
      if (!list.length) {
        const choice = await vscode.window.showInformationMessage('No Jira account is linked.', 'Link Jira Account…');
        if (choice) await vscode.commands.executeCommand('jiraRecipeLint.linkAccount');
        return list;
      }
      const picked = await vscode.window.showQuickPick(
        list.map((a) => ({
          label: a.account,
          description: a.site,
          detail: `${a.deployment === 'cloud' ? 'Jira Cloud' : 'Server/Data Center'} · ${a.authType} · ${a.state}${a.fetchedAt ? ` · fetched ${a.fetchedAt}` : ''}${a.detail ? ` · ${a.detail}` : ''}`,
          site: a.site,
        })),
        { title: 'Linked Jira accounts' },
      );
      if (!picked) return list;
      const action = await vscode.window.showQuickPick(['Refresh Permissions', 'Export Permission Snapshot', 'Unlink'], { title: picked.description });
      const command = { 'Refresh Permissions': 'refreshPermissions', 'Export Permission Snapshot': 'exportSnapshot', Unlink: 'unlinkAccount' }[action ?? ''];
      if (command) await vscode.commands.executeCommand(`jiraRecipeLint.${command}`, { site: picked.site });
      return list;
    }),
  );
}

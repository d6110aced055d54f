import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/account-store';
import { pickAccount } from './pick-account';
import { accountName } from '../../core/snapshot';

export function registerUnlinkAccount(context: vscode.ExtensionContext, accounts: AccountStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jiraRecipeLint.unlinkAccount', async (args: { site?: string } = {}) => {
      const account = await pickAccount(accounts, args.site, 'Unlink which Jira account?');
      if (!account) return false;
      if (account.fromEnvironment) {
        void vscode.window.showInformationMessage(`${account.site} is linked through the environment (JIRA_SITE); unset it to unlink.`);
        return false;
      }
      await accounts.unlink(account.site);
      void vscode.window.showInformationMessage(`Unlinked ${accountName(account.account)} on ${account.site}; its credentials were deleted.`);
      return true;
    }),
  );
}

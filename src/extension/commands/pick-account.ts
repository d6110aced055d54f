import * as vscode from 'vscode';
import type { AccountStore, LinkedAccount } from '../accounts/account-store';
import { accountName } from '../../core/snapshot';

/** The account named by a command's `{ site }` argument, else the only one, else the user's pick. */
export async function pickAccount(accounts: AccountStore, site: string | undefined, title: string): Promise<LinkedAccount | undefined> {
  if (site) return accounts.get(site);
  const all = accounts.list();
  if (all.length <= 1) return all[0];
  const picked = await vscode.window.showQuickPick(
    all.map((a) => ({ label: accountName(a.account), description: a.site, account: a })),
    { title },
  );
  return picked?.account;
}

import type { SnapshotAccount } from './types';

/** How an account is named for people: its display name, else its email or username, else its id. */
export function accountName(account: SnapshotAccount): string {
  return account.displayName ?? account.name ?? account.id;
}

/** The short handle where space is tight (status bar): email or username first. */
export function accountHandle(account: SnapshotAccount): string {
  return account.name ?? account.displayName ?? account.id;
}

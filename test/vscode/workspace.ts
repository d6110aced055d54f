import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** The demo account of the simulator's demo scenario (a made-up token, valid only there). */
export const DEMO_ACCOUNT_ENV = { JIRA_EMAIL: 'jan@acme.example', JIRA_API_TOKEN: 'sim-token-jan' };

/**
 * A copy of examples/ whose recipes point at the given Jira site instead of https://acme.atlassian.net, so the
 * editor (tests, demo) works against the Jira simulator without touching the repository's files.
 */
export function examplesWorkspace(siteUrl: string, name = 'jira-recipe-lint-examples-'): string {
  const dir = mkdtempSync(join(tmpdir(), name));
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  for (const file of readdirSync(dir).filter((f) => /\.recipe\.ya?ml$/.test(f))) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('https://acme.atlassian.net', siteUrl));
  }
  return dir;
}

/** Bad usage: the CLI prints the message and the usage (never a stack trace) and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Input the CLI can't use (unreadable file, bad snapshot, rejected credentials): message only, exit 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export const USAGE = `Usage:
  jira-recipe-lint check <files, folders or globs…> [--snapshot FILE]… [--site URL] [--format text|json|sarif]
  jira-recipe-lint snapshot --site URL [--projects ENG,OPS | <recipe files…>] [--out FILE]
  jira-recipe-lint needs <files, folders or globs…> [--snapshot FILE | --site URL] [--format markdown|json|csv]
                   [--scheme [--role NAME] [--role-id ID]] [--fail-on-missing]

check     Validates recipes and checks their Jira steps against the permissions of the linked account,
          from snapshot files (--snapshot) or live from a Jira site (--site). Recipes: our YAML
          (*.recipe.yaml), n8n workflows and Workato recipe exports (JSON, recognised by content).
snapshot  Fetches what the account holds on a Jira site, for the projects given or for everything the recipe
          files need, and writes a permission snapshot (no secrets in it) to --out or standard output.
needs     What the recipes need from Jira, per site and project, for the Jira administrator; with an account
          (--snapshot, --site) held/missing/unknown and what it holds beyond the needs. --scheme: a project
          role (--role, default Integration) granted exactly that, as the admin's steps and the permission
          scheme JSON. Exit 0; with --fail-on-missing, 1 when the account lacks something.

Options for --site: --allow-http (plain http to a site other than localhost), --verbose (log each request).

Sites of n8n credentials and Workato connections (which name no site): .jira-recipe-lint.json in the
current folder or above ({"connections": {"NAME": "https://…"}}), --config FILE, or --connection NAME=URL.

Credentials for --site come from the environment only:
  JIRA_EMAIL + JIRA_API_TOKEN (Jira Cloud), JIRA_USERNAME + JIRA_PASSWORD or JIRA_PAT (Server/Data Center).

Exit status: 0 no errors, 1 errors found, 2 bad usage, unreadable input or rejected credentials.`;

/** Bad usage: the CLI prints the message and the usage of the command (never a stack trace) and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose usage goes with the message; none: the general usage. */
  command?: string;
}

/** Input the CLI can't use (unreadable file, bad snapshot, rejected credentials): message only, exit 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const CREDENTIALS = `Credentials for --site come from the environment only:
  JIRA_EMAIL + JIRA_API_TOKEN or JIRA_OAUTH_ACCESS_TOKEN (Jira Cloud),
  JIRA_USERNAME + JIRA_PASSWORD or JIRA_PAT (Server/Data Center).`;

const LIVE = `  --site URL              fetch what the account holds live from this Jira site
  --connection NAME=URL   the site of an n8n credential or Workato connection, which names none (repeatable)
  --config FILE           the workspace file (default: .jira-recipe-lint.json here or in a folder above)
  --allow-http            allow plain http to a site other than localhost (credentials travel unencrypted)
  --verbose               log each request to Jira
  -h, --help              show this help`;

export const CHECK_USAGE = `Usage: jira-recipe-lint check <files, folders or globs…> [options]

Validates recipes and checks their Jira steps against the permissions of the linked account, from snapshot
files (--snapshot) or live from a Jira site (--site). Recipes: our YAML (*.recipe.yaml), n8n workflows and
Workato recipe exports (JSON, recognised by content).

Options:
  --snapshot FILE         a permission snapshot to check against (repeatable)
  --format text|json|sarif
                          the report's format (default: text)
  --strict                exit 1 also when a Jira step's permissions stayed unverified (alias: --fail-on-unverified)
  --baseline FILE         the JSON or SARIF output of an earlier run: only findings not in it are listed and fail
  --write-baseline FILE   write this run's findings to FILE as a baseline (JSON)
${LIVE}

${CREDENTIALS}

Silence findings with a comment in a YAML recipe, "# jira-recipe-lint-disable-next-line <code>…" (or
"# jira-recipe-lint-disable <code>…" for the file), or with "ignore" rules in .jira-recipe-lint.json.

Exit status: 0 no errors, 1 errors found (or, with --strict, unverified steps), 2 bad usage, unreadable input
or rejected credentials.`;

export const SNAPSHOT_USAGE = `Usage: jira-recipe-lint snapshot --site URL [--projects ENG,OPS | <recipe files…>] [options]

Fetches what the account holds on a Jira site, for the projects given or for everything the recipe files need,
and writes a permission snapshot (no secrets in it) to --out or standard output.

Options:
  --projects KEYS         project keys, comma-separated (instead of recipe files)
  --out FILE              write the snapshot there instead of to standard output
${LIVE}

${CREDENTIALS}

Exit status: 0 written, 2 bad usage, unreadable input, unreachable site or rejected credentials.`;

export const USAGE = `Usage:
  jira-recipe-lint check <files, folders or globs…> [--snapshot FILE]… [--site URL] [--format text|json|sarif] [--strict]
  jira-recipe-lint snapshot --site URL [--projects ENG,OPS | <recipe files…>] [--out FILE]
  jira-recipe-lint needs <files, folders or globs…> [--snapshot FILE | --site URL] [--format markdown|json|csv]
                   [--scheme [--role NAME] [--role-id ID]] [--fail-on-missing]
  jira-recipe-lint <command> --help    the options of a command
  jira-recipe-lint --version

check     Validates recipes and checks their Jira steps against the permissions of the linked account,
          from snapshot files (--snapshot) or live from a Jira site (--site). Recipes: our YAML
          (*.recipe.yaml), n8n workflows and Workato recipe exports (JSON, recognised by content).
snapshot  Fetches what the account holds on a Jira site, for the projects given or for everything the recipe
          files need, and writes a permission snapshot (no secrets in it) to --out or standard output.
needs     What the recipes need from Jira, per site and project, for the Jira administrator; with an account
          (--snapshot, --site) held/missing/unknown and what it holds beyond the needs. --scheme: a project
          role (--role, default Integration) granted exactly that, as the admin's steps and the permission
          scheme JSON. Exit 0; with --fail-on-missing, 1 when the account lacks something.

Sites of n8n credentials and Workato connections (which name no site): .jira-recipe-lint.json in the
current folder or above ({"connections": {"NAME": "https://…"}}), --config FILE, or --connection NAME=URL.

${CREDENTIALS}

Exit status: 0 no errors, 1 errors found, 2 bad usage, unreadable input or rejected credentials.`;

/** Each command's usage, for `<command> --help` and for its usage errors. */
export const NEEDS_USAGE = `Usage: jira-recipe-lint needs <files, folders or globs…> [options]

What the recipes need from Jira, per site and project, for the Jira administrator: the global permissions, each
project's permissions with the steps that need them, and the steps whose project can't be told. With an account
(--snapshot or --site), each line is held, missing or unknown, and what the account holds beyond the needs is listed.

Options:
  --snapshot FILE         a permission snapshot of the account (repeatable; or --site)
  --format markdown|json|csv
                          the report's format (default: markdown)
  --scheme                print a permission scheme proposal instead: a project role granted exactly what is needed,
                          as the admin's steps and the create-permission-scheme JSON
  --role NAME             the project role of the proposal (default: Integration)
  --role-id ID            the role's numeric id, once created, for the scheme JSON
  --fail-on-missing       exit 1 when the account (--snapshot or --site) lacks something the recipes need
${LIVE}

${CREDENTIALS}

Exit status: 0 written (or, with --fail-on-missing, nothing missing), 1 something missing with --fail-on-missing,
2 bad usage, unreadable input or rejected credentials.`;

export const COMMAND_USAGE: Readonly<Record<string, string>> = { check: CHECK_USAGE, snapshot: SNAPSHOT_USAGE, needs: NEEDS_USAGE };

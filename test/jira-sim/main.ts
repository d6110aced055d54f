/**
 * Starts the Jira simulator by hand:
 *   npm run jira-sim -- [--scenario FILE] [--port N] [--host H]
 * Prints the base URL and the demo credentials; stops on Ctrl+C.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIOS, startJiraSim, type JiraSim } from './index';

const USAGE = `Usage: npm run jira-sim -- [--scenario FILE] [--port N] [--host HOST]

  --scenario FILE  scenario YAML (default: test/jira-sim/scenarios/demo.yaml)
  --port N         port to listen on (default: 0, any free port)
  --host HOST      address to listen on (default: 127.0.0.1)
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: SCENARIOS.demo },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0–65535, not ${values.port}`);
  }
  const sim = await startJiraSim({ scenario: resolve(values.scenario), port, host: values.host });
  process.stdout.write(banner(sim));
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function banner(sim: JiraSim): string {
  const { world } = sim;
  const cloud = world.flavour === 'cloud';
  const lines = [
    `Jira simulator: ${cloud ? 'Cloud' : 'Data Center'} ${world.version.text} ("${world.title}")`,
    `URL: ${sim.url}`,
    '',
    'Credentials (fake, for this simulator only):',
  ];
  for (const u of world.users) {
    const who = `  ${u.displayName.padEnd(18)}`;
    if (cloud) {
      for (const token of u.apiTokens) lines.push(`${who} email ${u.email}  API token ${token}`);
    } else {
      if (u.password !== undefined) lines.push(`${who} username ${u.username}  password ${u.password}`);
      for (const pat of u.personalAccessTokens) lines.push(`${who} personal access token ${pat}`);
    }
  }
  const origin = new URL(sim.url).origin;
  lines.push('', `Control: GET ${origin}/__sim/requests · POST ${origin}/__sim/reset · PUT ${origin}/__sim/faults`, 'Ctrl+C stops.', '');
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

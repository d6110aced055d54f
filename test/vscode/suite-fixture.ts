import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { SCENARIOS, startJiraSim, type JiraSim } from '../jira-sim';
import { examplesWorkspace, ROOT } from './workspace';

export const SUITE_BUNDLE = join(ROOT, 'dist', 'test', 'vscode-suite.js');
export const RESTRICTED_BUNDLE = join(ROOT, 'dist', 'test', 'vscode-restricted.js');

export interface SuiteFixture {
  readonly sim: JiraSim;
  /** A copy of examples/ pointing at the simulator. */
  readonly workspace: string;
  /** What the extension host's process.env needs for the suite. */
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

/** What every runner of the integration suite needs: its bundle, the Jira simulator and an examples workspace. */
export async function suiteFixture(): Promise<SuiteFixture> {
  const bundle = (entry: string, outfile: string) =>
    esbuild.build({
      entryPoints: [join(ROOT, 'test', 'vscode', entry)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode', 'mocha'],
      logLevel: 'warning',
    });
  await Promise.all([bundle('suite/index.ts', SUITE_BUNDLE), bundle('restricted/index.ts', RESTRICTED_BUNDLE)]);
  const sim = await startJiraSim({ scenario: SCENARIOS.demo });
  const workspace = examplesWorkspace(sim.url);
  return {
    sim,
    workspace,
    env: { JIRA_SIM_URL: sim.url },
    async dispose() {
      await sim.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

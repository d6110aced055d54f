/** Reads a scenario (YAML file or object), checks its structure, and has it resolved into a World. */
import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { resolveScenario } from './resolve';
import { SCENARIO_SCHEMA } from './schema';
import type { Scenario } from './types';
import type { World } from './world';

export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid Jira simulator scenario ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScenarioError';
  }
}

/**
 * Parses a scenario file. `extends: other.yaml` (relative to the file) starts from another scenario: maps merge
 * key by key, anything else (lists, values) replaces what the other file says.
 */
export function readScenarioFile(path: string, seen: readonly string[] = []): Scenario {
  if (seen.includes(path)) throw new ScenarioError(path, [`extends cycle: ${[...seen, path].join(' → ')}`]);
  let parsed: unknown;
  try {
    parsed = YAML.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ScenarioError(path, [(error as Error).message]);
  }
  if (!isMap(parsed) || typeof parsed.extends !== 'string') return parsed as Scenario;
  const { extends: base, ...own } = parsed;
  return merge(readScenarioFile(resolvePath(dirname(path), base), [...seen, path]), own) as Scenario;
}

function merge(base: unknown, over: unknown): unknown {
  if (!isMap(base) || !isMap(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = merge(base[key], value);
  return out;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A World from a scenario file path or a scenario object; throws ScenarioError listing every problem. */
export function loadWorld(source: string | Scenario): World {
  const scenario = typeof source === 'string' ? readScenarioFile(source) : source;
  const label = typeof source === 'string' ? source : '(object)';
  const shapeProblems = checkShape(scenario);
  if (shapeProblems.length > 0) throw new ScenarioError(label, shapeProblems);
  const problems: string[] = [];
  const world = resolveScenario(scenario, (message) => problems.push(message));
  if (problems.length > 0) throw new ScenarioError(label, problems);
  return world;
}

const validateShape = new Ajv({ allErrors: true, strict: true }).compile(SCENARIO_SCHEMA);

function checkShape(scenario: unknown): string[] {
  if (validateShape(scenario)) return [];
  return (validateShape.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}${extra(e.params)}`);
}

function extra(params: Record<string, unknown>): string {
  if ('allowedValues' in params) return ` (${(params.allowedValues as unknown[]).join(', ')})`;
  if ('additionalProperty' in params) return ` ("${String(params.additionalProperty)}")`;
  return '';
}

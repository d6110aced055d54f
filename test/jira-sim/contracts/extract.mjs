#!/usr/bin/env node
/**
 * Extracts from Atlassian's OpenAPI specs exactly the operations the Jira simulator serves (served.json) and the
 * component schemas they reach, into small files committed next to this script: cloud.json and dc.json.
 * Descriptions, examples and xml hints of schemas are dropped; operations keep their description (it says which
 * permissions they need). Each file records its provenance: source file, sha256, info.version.
 *
 *   node test/jira-sim/contracts/extract.mjs [spec-dir]     (default: <repo>/../shared/jira-openapi)
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../../..');
export const DEFAULT_SPEC_DIR = resolve(REPO_ROOT, '../shared/jira-openapi');
export const OUTPUT_FILES = { cloud: 'cloud.json', datacenter: 'dc.json' };

export function readServed() {
  return JSON.parse(readFileSync(join(here, 'served.json'), 'utf8'));
}

/** The contract of one flavour, from the spec file in specDir. */
export function extractFlavour(specDir, served) {
  const bytes = readFileSync(join(specDir, served.source));
  const spec = JSON.parse(bytes.toString('utf8'));
  const provenance = {
    source: served.source,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    infoVersion: spec.info.version,
    title: spec.info.title,
    openapi: spec.openapi,
    extractedBy: 'test/jira-sim/contracts/extract.mjs',
  };
  return extract(spec, served, provenance);
}

export function extract(spec, served, provenance) {
  const paths = {};
  for (const operation of served.operations) {
    const [method, path] = operation.split(' ');
    const source = spec.paths[path]?.[method];
    if (!source) throw new Error(`${operation} is not in ${provenance.source}`);
    paths[path] ??= {};
    if (spec.paths[path].parameters) paths[path].parameters = spec.paths[path].parameters.map(slimParameter);
    paths[path][method] = slimOperation(source);
  }
  const names = new Set();
  const queue = [...refsIn(paths), ...served.alsoSchemas];
  while (queue.length > 0) {
    const name = queue.pop();
    if (names.has(name)) continue;
    const schema = spec.components.schemas[name];
    if (!schema) throw new Error(`schema ${name} is not in ${provenance.source}`);
    names.add(name);
    queue.push(...refsIn(schema));
  }
  const schemas = Object.fromEntries([...names].sort().map((n) => [n, slimSchema(spec.components.schemas[n])]));
  return { provenance, paths, components: { schemas } };
}

function refsIn(value) {
  const refs = [];
  JSON.stringify(value, (key, v) => {
    if (key === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
      refs.push(v.slice('#/components/schemas/'.length));
    }
    return v;
  });
  return refs;
}

function slimOperation(op) {
  const out = { operationId: op.operationId };
  // The OAuth 2.0 scopes: what the simulated API gateway (../atlassian) asks of a token for the operation.
  for (const key of ['summary', 'description', 'deprecated', 'x-atlassian-oauth2-scopes']) if (op[key] !== undefined) out[key] = op[key];
  // Some (experimental) operations give no such list, only their classic scope under `security`: that, then.
  const oauth2 = op.security?.find((s) => s.OAuth2)?.OAuth2;
  if (!op['x-atlassian-oauth2-scopes'] && oauth2) out.security = [{ OAuth2: oauth2 }];
  if (op.parameters) out.parameters = op.parameters.map(slimParameter);
  if (op.requestBody) {
    out.requestBody = {
      ...(op.requestBody.required !== undefined ? { required: op.requestBody.required } : {}),
      content: slimContent(op.requestBody.content),
    };
  }
  out.responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, r]) => [
      status,
      { description: r.description, ...(r.content ? { content: slimContent(r.content) } : {}) },
    ]),
  );
  return out;
}

function slimParameter(p) {
  return {
    name: p.name,
    in: p.in,
    ...(p.required ? { required: true } : {}),
    ...(p.schema ? { schema: slimSchema(p.schema) } : {}),
  };
}

function slimContent(content) {
  return Object.fromEntries(
    Object.entries(content).map(([type, c]) => [type, c.schema ? { schema: slimSchema(c.schema) } : {}]),
  );
}

const DROPPED = new Set(['description', 'example', 'examples', 'xml', 'x-showInExample']);

/** A schema without documentation-only keywords; recurses only where subschemas live (never into property names). */
export function slimSchema(schema) {
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, slimSchema(s)]));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = slimSchema(value);
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = value.map(slimSchema);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function main() {
  const specDir = resolve(process.argv[2] ?? DEFAULT_SPEC_DIR);
  const served = readServed();
  for (const [flavour, file] of Object.entries(OUTPUT_FILES)) {
    const contract = extractFlavour(specDir, served[flavour]);
    writeFileSync(join(here, file), `${JSON.stringify(contract, null, 2)}\n`);
    const ops = Object.values(contract.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    const schemas = Object.keys(contract.components.schemas).length;
    console.log(
      `${file}: ${ops} operations, ${schemas} schemas from ${contract.provenance.source} (${contract.provenance.infoVersion})`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

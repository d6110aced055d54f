import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SPEC_DIR } from '../../scripts/generate-scopes';
import { OPERATIONS, type RuleSource } from '../../src/core/catalog';

/** Every operation of both specs by operationId → its descriptions (one per spec), with the Markdown taken out. */
function specDescriptions(): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const file of ['jira-cloud-platform.v3.json', 'jira-software-dc-10.3.json']) {
    const spec = JSON.parse(readFileSync(join(DEFAULT_SPEC_DIR, file), 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string; description?: string }>>;
    };
    for (const methods of Object.values(spec.paths))
      for (const op of Object.values(methods)) if (op.operationId) byId.set(op.operationId, [...(byId.get(op.operationId) ?? []), plain(op.description ?? '')]);
  }
  return byId;
}

/** "*Browse projects* [ project permission](https://…)" → "Browse projects project permission". */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every rule of the catalog with its source: the operation's own needs, then each input rule. */
function rules(): { what: string; source: RuleSource | undefined }[] {
  return OPERATIONS.flatMap((op) => [
    { what: op.name, source: op.source as RuleSource | undefined },
    ...(op.inputRules ?? []).map((r) => ({ what: `${op.name} input ${r.input} → ${r.adds.join(', ')}`, source: r.source as RuleSource | undefined })),
    ...(op.otherProjects ?? []).map((r) => ({ what: `${op.name} in the project of ${r.input}`, source: r.source as RuleSource | undefined })),
    ...(op.serviceDeskAgent ? [{ what: `${op.name} in a Service Management project`, source: op.serviceDeskAgent.source as RuleSource | undefined }] : []),
  ]);
}

describe('Sources of catalog rules', () => {
  it('gives every rule a source: a spec sentence, or a reason why there is none', () => {
    for (const { what, source } of rules()) {
      assert.ok(source, `${what} has a source`);
      if (source.kind === 'spec') {
        assert.ok(source.operationIds.length > 0, `${what} names the operation its text comes from`);
        assert.ok(source.text.trim().length > 10, `${what} quotes a sentence`);
      } else assert.ok(source.reason.trim().length > 20, `${what} says why it is ${source.kind}`);
    }
  });

  it("cites operationIds that exist in Atlassian's specs, and sentences their descriptions contain", () => {
    assert.ok(existsSync(DEFAULT_SPEC_DIR), "Atlassian's specs are in ../shared/jira-openapi next to the repository");
    const descriptions = specDescriptions();
    for (const { what, source } of rules()) {
      for (const id of source!.operationIds) assert.ok(descriptions.has(id), `${what}: ${id} is an operationId of the specs`);
      if (source!.kind !== 'spec') continue;
      const { text } = source!;
      assert.ok(
        source!.operationIds.some((id) => descriptions.get(id)!.some((d) => d.includes(text))),
        `${what}: "${text}" is in the "Permissions required" text of ${source!.operationIds.join(' or ')}`,
      );
    }
  });
});

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CATALOG_README, catalogTable, withCurrentTable } from '../../scripts/generate-catalog-table';
import { OPERATIONS } from '../../src/core/catalog';

describe("The catalog README's table", () => {
  it('is what scripts/generate-catalog-table.ts makes of the catalog (run it after changing the catalog)', () => {
    const readme = readFileSync(CATALOG_README, 'utf8');
    assert.equal(withCurrentTable(readme), readme);
  });

  it('has a row for every operation, input rule, other project and agent work, naming global permissions as global', () => {
    const rows = catalogTable().split('\n').slice(2);
    const ruleCount = OPERATIONS.reduce((n, op) => n + 1 + (op.inputRules?.length ?? 0) + (op.otherProjects?.length ?? 0) + (op.serviceDeskAgent ? 1 : 0), 0);
    assert.equal(rows.length, ruleCount);
    for (const op of OPERATIONS)
      assert.ok(
        rows.some((r) => r.startsWith(`| \`${op.name}\` (${op.kind})`)),
        op.name,
      );
    const createUser = rows.find((r) => r.startsWith('| `create_user`'));
    assert.match(createUser ?? '', /\| Administer Jira \(global\) \| `createUser`: “Administer Jira global permission\.” \|/);
  });
});

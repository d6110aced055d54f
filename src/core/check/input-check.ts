import type { InputSpec } from '../catalog/types';
import type { InputCoverage, OperationStep, RecipeModel } from '../recipe/model';
import { closest } from '../text/closest';
import type { JiraStep } from './analyze';
import { finding, FindingCode, type Finding } from './findings';
import { operationLabel, stepLabel, stepName } from './labels';

/**
 * Each Jira step's inputs against its operation's inputs in the catalog: an input the operation doesn't take
 * (`unknown-input`, with the name it probably meant) and a required input that is missing or blank
 * (`missing-input`). Only as far as the adapter's input coverage vouches, so a format that can't tell stays silent.
 */
export function checkInputs(steps: readonly JiraStep[], model: RecipeModel): Finding[] {
  const findings: Finding[] = [];
  for (const { step, operation } of steps) {
    const coverage = step.inputCoverage;
    if (!coverage || !operation.inputs) continue;
    const specs = operation.inputs;
    const names = specs.map((s) => s.key);
    const base = { step: stepName(step), operation: operation.name };
    const unknown = [...step.inputs.values()].filter((input) => !names.includes(input.key));
    if (coverage.names) {
      for (const input of unknown) {
        const suggestion = closest(input.key, names);
        const takes = names.length ? ` It takes: ${names.join(', ')}.` : ' It takes no inputs.';
        findings.push(
          finding(FindingCode.UnknownInput, {
            message: `${operationLabel(operation)} has no input "${input.key}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}${takes}`,
            range: input.keyRange,
            ...base,
            input: input.key,
            ...(suggestion ? { suggestion } : {}),
          }),
        );
      }
    }
    for (const spec of specs) {
      if (!spec.required) continue;
      const given = step.inputs.get(spec.key);
      if (given && !given.blank) continue;
      if (!given && (!vouchesAbsence(coverage, spec.key, unknown.length > 0) || (spec.key === 'project' && model.defaultProject))) continue;
      findings.push(
        finding(FindingCode.MissingInput, {
          message: missingMessage(step, operation.name, spec, given !== undefined),
          range: given ? given.keyRange : (step.inputRange ?? step.operationRange),
          ...base,
          input: spec.key,
        }),
      );
    }
  }
  return findings;
}

function vouchesAbsence(coverage: InputCoverage, key: string, anyUnknown: boolean): boolean {
  if (coverage.absence === 'all') return true;
  if (coverage.absence === 'all-if-known') return !anyUnknown;
  return coverage.absence.has(key);
}

function missingMessage(step: OperationStep, operation: string, spec: InputSpec, blank: boolean): string {
  const what = `${stepLabel(step)} (${operation}) needs the input "${spec.key}"`;
  return `${what}${blank ? ', which is empty' : ''}: ${spec.description}`;
}

import { findOperation, operationsOfKind } from '../catalog';
import { permissionInfo } from '../catalog/permissions';
import type { OperationSpec } from '../catalog/types';
import type { Position, Range } from '../text/range';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'trigger' | 'action' | 'input' | 'project';
  readonly detail: string;
  readonly documentation: string;
}

export interface Completions {
  readonly items: readonly CompletionEntry[];
  /** The partial word the items replace. */
  readonly range: Range;
}

export interface ProjectChoice {
  readonly key: string;
  readonly name?: string;
}

/**
 * Completions at a position of a recipe being typed, read from the lines themselves (a half-typed line rarely
 * parses): operation names after `event:`/`action:`, project keys after `project:`, and input keys of the step's
 * operation inside its `input:` mapping (block or flow style).
 */
export function completionsAt(text: string, position: Position, projects: readonly ProjectChoice[] = []): Completions | undefined {
  const lines = text.split(/\r?\n/);
  const prefix = (lines[position.line] ?? '').slice(0, position.character);
  const word = /[\w-]*$/.exec(prefix)?.[0] ?? '';
  const range = { start: { line: position.line, character: position.character - word.length }, end: position };

  const op = /(?:^|[\s{,])(event|action):\s*["']?[\w-]*$/.exec(prefix);
  if (op) return { range, items: operationsOfKind(op[1] === 'event' ? 'trigger' : 'action').map(operationEntry) };

  if (/(?:^|[\s{,])project:\s*["']?[\w-]*$/.test(prefix)) {
    return {
      range,
      items: projects.map((p) => ({
        label: p.key,
        kind: 'project',
        detail: p.name ?? 'Jira project',
        documentation: `Project **${p.key}**${p.name ? ` — ${p.name}` : ''}, visible to the linked account.`,
      })),
    };
  }

  const operation = inputOperationAt(lines, position.line, prefix);
  if (operation) return { range, items: (operation.inputs ?? []).map((i) => inputEntry(operation, i.key, i.description, i.required)) };
  return undefined;
}

function operationEntry(op: OperationSpec): CompletionEntry {
  const needs = [...(op.global ?? []), ...(op.project ?? []), ...(op.anyOf ?? []).map((g) => g.join(' or '))];
  const needText = needs.length
    ? `Needs: ${needs
        .map((k) =>
          k
            .split(' or ')
            .map((x) => permissionInfo(x)?.name ?? x)
            .join(' or '),
        )
        .join(', ')}.`
    : 'Needs no permission beyond access.';
  return {
    label: op.name,
    kind: op.kind,
    detail: `${op.title} — Jira ${op.triggerType === 'realtime' ? 'real-time trigger' : op.kind}`,
    documentation: `${op.description}\n\n\`${op.rest}\`\n\n${needText}`,
  };
}

function inputEntry(op: OperationSpec, key: string, description: string, required?: boolean): CompletionEntry {
  const adds = (op.inputRules ?? []).filter((r) => r.input === key && !r.valuePattern).flatMap((r) => r.adds);
  return {
    label: key,
    kind: 'input',
    detail: `${op.name} input${required ? ' (required)' : ''}`,
    documentation: `${description}${adds.length ? `\n\nAdds the permission ${adds.map((k) => permissionInfo(k)?.name ?? k).join(', ')}.` : ''}`,
  };
}

/** The operation whose `input:` mapping the cursor is in, at a key position. */
function inputOperationAt(lines: string[], line: number, prefix: string): OperationSpec | undefined {
  // Flow style on one line: `input: { issue: ENG-1, |`
  const flow = /input:\s*\{(?:[^}]*,)?\s*[\w-]*$/.test(prefix) && !/:\s*[^,{]*$/.test(prefix.replace(/^.*[{,]/, ''));
  if (flow) return operationAround(lines, line, /(?:^|[\s{,])(?:event|action):\s*["']?([\w-]+)/);

  // Block style: the cursor is on a bare key, under an `input:` line with less indentation.
  if (!/^\s*[\w-]*$/.test(prefix)) return undefined;
  const indent = prefix.length - prefix.trimStart().length;
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i];
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const lineIndent = text.length - text.replace(/^[\s-]*/, '').length;
    if (lineIndent >= indent) continue;
    if (!/^\s*(?:-\s+)?input:\s*$/.test(text)) return undefined;
    return operationAround(lines, i, /^\s*(?:-\s+)?(?:event|action):\s*["']?([\w-]+)/, lineIndent);
  }
  return undefined;
}

/** Looks for `action:`/`event:` on the step's own lines: the given line, then up and down at the same indentation. */
function operationAround(lines: string[], line: number, pattern: RegExp, indent?: number): OperationSpec | undefined {
  const at = (i: number) => {
    const match = pattern.exec(lines[i] ?? '');
    return match ? findOperation(match[1]) : undefined;
  };
  const same = at(line);
  if (same || indent === undefined) return same;
  for (const step of [-1, 1]) {
    for (let i = line + step; i >= 0 && i < lines.length; i += step) {
      const text = lines[i];
      if (!text.trim()) continue;
      const lineIndent = text.length - text.replace(/^[\s-]*/, '').length;
      if (lineIndent < indent || (lineIndent === indent && /^\s*-/.test(text) && step === 1)) break;
      if (lineIndent === indent) {
        const op = at(i);
        if (op) return op;
        if (/^\s*-/.test(text)) break;
      }
    }
  }
  return undefined;
}

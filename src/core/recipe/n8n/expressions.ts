/**
 * n8n expressions: a parameter whose string starts with `=` is evaluated when the workflow runs, and the `{{ … }}`
 * parts in it are JavaScript with n8n's helpers. We read which nodes' output an expression uses; we never run it.
 */

/** What an expression refers to, in the order it appears: a node by name, or the item the node is working on. */
export type ExpressionRef = { readonly node: string } | { readonly currentItem: true };

export interface ParameterValue {
  /** The value as the node would use it when it is fixed; for an expression, its text as written. */
  readonly literal: string;
  readonly dynamic: boolean;
  readonly refs: readonly ExpressionRef[];
}

/**
 * `$node["Name"]` / `$node['Name']` / `$node.Name`, `$("Name")` / `$('Name')`, `$items("Name")`: a node by name.
 * `$json`, `$input`, `$binary`: the current item, which comes from the nodes connected into this one.
 */
const REFERENCE =
  /\$node\s*\[\s*(["'])((?:\\.|(?!\1)[^\\])*)\1\s*\]|\$node\.([A-Za-z_$][\w$]*)|\$(?:items)?\(\s*(["'])((?:\\.|(?!\4)[^\\])*)\4|\$(?:json|input|binary)\b/g;

export function readParameterString(raw: string): ParameterValue {
  if (!raw.startsWith('=')) return { literal: raw, dynamic: false, refs: [] };
  const body = raw.slice(1);
  // `=ENG-7` is an expression with nothing to evaluate: n8n uses the text as it is.
  if (!body.includes('{{')) return { literal: body, dynamic: false, refs: [] };
  return { literal: raw, dynamic: true, refs: expressionRefs(body) };
}

export function expressionRefs(text: string): ExpressionRef[] {
  const refs: ExpressionRef[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const quoted = m[2] ?? m[5];
    if (quoted !== undefined) refs.push({ node: quoted.replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) refs.push({ node: m[3] });
    else refs.push({ currentItem: true });
  }
  return refs;
}

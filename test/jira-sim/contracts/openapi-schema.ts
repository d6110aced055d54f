/**
 * OpenAPI 3.0 schemas as JSON Schema (draft-07) for ajv: `nullable` becomes a null type; refs to
 * `#/components/schemas/…` are pointed at the contract document registered with ajv; OpenAPI-only keywords
 * (readOnly, writeOnly, xml, example, discriminator, x-*) are left for ajv to ignore (`strict: false`).
 */

export const CONTRACT_ID = 'contract.json';

type Json = Record<string, unknown>;

export function toJsonSchema(schema: unknown, refBase = ''): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, refBase));
  if (typeof schema !== 'object' || schema === null) return schema;
  const s = schema as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.startsWith('#/') ? `${refBase}${value}` : value;
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Json).map(([name, sub]) => [name, toJsonSchema(sub, refBase)]),
      );
    } else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(key)) {
      out[key] = toJsonSchema(value, refBase);
    } else out[key] = value;
  }
  if (s.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/** Checks a response against a flavour's extracted contract (cloud.json / dc.json), errata applied. */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Flavour } from '../scenario/types';
import { ERRATA } from './errata';
import type { Contract } from './contract';
import { CONTRACT_ID, toJsonSchema } from './openapi-schema';

interface ResponseSpec {
  readonly content?: Record<string, { schema?: unknown }>;
}

export class ContractValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly contract: Contract;

  /** `errata: false` validates against the specs exactly as published (to show an erratum is still needed). */
  constructor(
    readonly flavour: Flavour,
    contract: Contract,
    options: { readonly errata?: boolean } = {},
  ) {
    this.contract = options.errata === false ? contract : withErrata(flavour, contract);
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('int32', true).addFormat('int64', true).addFormat('json', true);
    this.ajv.addSchema({ $id: CONTRACT_ID, components: { schemas: toJsonSchema(this.contract.components.schemas) } });
  }

  /** The statuses the spec declares for an operation ("get /api/2/myself"). */
  declaredStatuses(operation: string): string[] {
    return Object.keys(this.responses(operation));
  }

  /** Problems with a response: an undeclared status, or a body that does not match the declared JSON schema. */
  check(operation: string, status: number, body: unknown, contentType: string): string[] {
    const responses = this.responses(operation);
    const response = (responses[String(status)] ?? responses.default) as ResponseSpec | undefined;
    if (!response) return [`${operation}: status ${status} is not declared by the spec`];
    // 204 No Content has no body, whatever content the spec declares for it (Cloud writes an empty schema there).
    if (status === 204) return body === undefined || body === '' ? [] : [`${operation} 204: a body in a No Content answer`];
    const schema = response.content?.['application/json']?.schema;
    if (schema === undefined) return [];
    if (!contentType.startsWith('application/json')) {
      return [`${operation} ${status}: expected JSON, got ${contentType}`];
    }
    const validate = this.validator(`${operation} ${status}`, schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${operation} ${status}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  }

  /** Problems with a request body: one the operation's request schema does not allow. */
  checkRequest(operation: string, body: unknown): string[] {
    const [method, path] = operation.split(' ');
    const op = this.contract.paths[path]?.[method] as { requestBody?: { content?: Record<string, { schema?: unknown }> } } | undefined;
    if (!op) throw new Error(`${operation} is not in the ${this.flavour} contract`);
    const schema = op.requestBody?.content?.['application/json']?.schema;
    if (schema === undefined) return [`${operation}: the spec takes no JSON request body`];
    const validate = this.validator(`${operation} request`, schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${operation} request: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  private responses(operation: string): Record<string, unknown> {
    const [method, path] = operation.split(' ');
    const op = this.contract.paths[path]?.[method] as { responses?: Record<string, unknown> } | undefined;
    if (!op?.responses) throw new Error(`${operation} is not in the ${this.flavour} contract`);
    return op.responses;
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema, CONTRACT_ID) as object);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

function withErrata(flavour: Flavour, contract: Contract): Contract {
  const copy = JSON.parse(JSON.stringify(contract)) as Contract;
  for (const erratum of ERRATA.filter((e) => e.flavour === flavour)) {
    if ('addStatus' in erratum) {
      const [method, path] = erratum.operation.split(' ');
      const op = copy.paths[path][method] as { responses: Record<string, unknown> };
      op.responses[erratum.addStatus] = { description: erratum.why, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorCollection' } } } };
    } else if ('operation' in erratum) {
      const [method, path] = erratum.operation.split(' ');
      const op = copy.paths[path][method] as {
        responses: Record<string, { content: Record<string, { schema: unknown }> }>;
      };
      op.responses[erratum.status].content['application/json'].schema = erratum.responseSchema;
    } else {
      const schema = copy.components.schemas[erratum.schema] as { properties: Record<string, unknown> };
      Object.assign(schema.properties, erratum.addProperties);
    }
  }
  return copy;
}

/** The shape of an extracted contract (cloud.json, dc.json) and of served.json; loading the committed files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Flavour } from '../scenario/types';

export interface ServedFlavour {
  readonly source: string;
  /** "get /api/2/myself" */
  readonly operations: readonly string[];
  readonly alsoSchemas: readonly string[];
}

export type Served = Readonly<Record<Flavour, ServedFlavour>>;

export interface Provenance {
  readonly source: string;
  readonly sha256: string;
  readonly infoVersion: string;
  readonly title: string;
  readonly openapi: string;
  readonly extractedBy: string;
}

export interface Contract {
  readonly provenance: Provenance;
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: { readonly schemas: Record<string, unknown> };
}

export const CONTRACT_FILES: Readonly<Record<Flavour, string>> = { cloud: 'cloud.json', datacenter: 'dc.json' };

export function loadContract(flavour: Flavour): Contract {
  return JSON.parse(readFileSync(join(__dirname, CONTRACT_FILES[flavour]), 'utf8')) as Contract;
}

export function loadServed(): Served {
  return JSON.parse(readFileSync(join(__dirname, 'served.json'), 'utf8')) as Served;
}

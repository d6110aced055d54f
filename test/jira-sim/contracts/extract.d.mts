/** Types for extract.mjs (see there). */
import type { Contract, Provenance, ServedFlavour } from './contract.js';

export declare const REPO_ROOT: string;
export declare const DEFAULT_SPEC_DIR: string;
export declare const OUTPUT_FILES: { readonly cloud: string; readonly datacenter: string };
export declare function readServed(): { readonly cloud: ServedFlavour; readonly datacenter: ServedFlavour };
export declare function extractFlavour(specDir: string, served: ServedFlavour): Contract;
export declare function extract(spec: unknown, served: ServedFlavour, provenance: Provenance): Contract;
export declare function slimSchema(schema: unknown): unknown;

import type { Range } from '../text/range';

/**
 * The one recipe model the check engine reads, whatever format the recipe came in (our YAML, an n8n workflow, a
 * Workato recipe export). Format adapters build it while they read, so every part carries its source range and its
 * literal value; nothing here knows a parser or a format.
 */

/** Stands for a part of a value known only when the recipe runs, in `InputEntry.shape`. */
export const RUNTIME_PART = '\u0000';

export interface InputEntry {
  /** The catalog's name for the input (`issue`, `project`, `assignee`…), whatever the format calls it. */
  readonly key: string;
  /** The range of the input's key in the source: where a permission that the input adds is reported. */
  readonly keyRange: Range;
  readonly valueRange: Range;
  /** The value when it is a plain scalar (string, number, boolean); undefined for maps and lists. */
  readonly literal?: string;
  /** The value is known only when the recipe runs (a `{{ … }}` template, an n8n expression, a Workato data pill). */
  readonly dynamic: boolean;
  /**
   * A dynamic value's text with each part known only at run time replaced by RUNTIME_PART, where the adapter can
   * tell the parts apart: a JQL query whose template sits inside a quoted string still names its projects.
   */
  readonly shape?: string;
  /** Ids of the steps whose output the value refers to, in the order they appear. */
  readonly refs: readonly string[];
  /** The value is blank (null, an empty string, an empty map or list): a required input given so is still missing. */
  readonly blank?: boolean;
  /** A map value's entries, each read as an input is (`visibility: { type: group, value: … }`); where the format tells. */
  readonly fields?: ReadonlyMap<string, InputEntry>;
}

/**
 * How much of a step's input the adapter knows, so that input checks raise no false alarms. Formats differ: our YAML
 * names every input as the catalog does; an n8n node's parameters hold much besides inputs, and n8n fills in defaults
 * it leaves out of the file; a Workato step may use field names we don't know.
 */
export interface InputCoverage {
  /** Every input the step gives is in `inputs` under the name written: one the operation doesn't take is a mistake. */
  readonly names: boolean;
  /**
   * Catalog inputs whose absence from `inputs` means the step really lacks them: `all`; `all-if-known`, all when
   * every input is one the operation takes (an input of a name we don't know may be the missing one by another
   * name); or just these.
   */
  readonly absence: 'all' | 'all-if-known' | ReadonlySet<string>;
}

export interface OperationStep {
  /** Where the step sits in its recipe: `trigger`, `steps/1/then/0`, `nodes/3`, `code/block/2`. */
  readonly path: string;
  /** The step's id as other steps refer to it (YAML `id`, n8n node name, Workato `as`). */
  readonly id?: string;
  /** A readable name for messages when it differs from the id (a Workato step's title). */
  readonly label?: string;
  readonly kind: 'trigger' | 'action';
  readonly connectionName?: string;
  readonly connectionRange?: Range;
  /** The catalog name of the operation. */
  readonly operation: string;
  /** Where the operation is named: findings about the operation sit here. */
  readonly operationRange: Range;
  readonly inputs: ReadonlyMap<string, InputEntry>;
  /** Where the step's inputs are named (YAML's `input:` key): a missing input is reported there. */
  readonly inputRange?: Range;
  /** What the inputs tell for certain; absent: nothing, so the inputs are not checked. */
  readonly inputCoverage?: InputCoverage;
  /** The platform will not run the step (an n8n node that is disabled): reported by its adapter, never checked. */
  readonly disabled?: boolean;
  /**
   * What to do, in the platform's own terms, when the account may not register the webhook a real-time trigger
   * needs. Set by adapters of platforms with their own way round it; it replaces the generic advice and the
   * suggestion to switch to our polling trigger (which only our YAML format can name).
   */
  readonly webhookAdvice?: string;
}

export interface StepIdEntry {
  readonly id: string;
  readonly range: Range;
  readonly path: string;
}

export interface ConnectionEntry {
  readonly name: string;
  readonly keyRange: Range;
  readonly provider?: string;
  readonly host?: string;
  readonly hostRange?: Range;
}

export type RecipeFormat = 'yaml' | 'n8n' | 'workato';

export interface RecipeModel {
  readonly format: RecipeFormat;
  readonly name?: string;
  readonly connections: ReadonlyMap<string, ConnectionEntry>;
  /** True when the recipe lists its connections; without, a connection's name is its provider. */
  readonly declaresConnections: boolean;
  readonly defaultProject?: string;
  readonly trigger?: OperationStep;
  /** Action steps in document order, at any depth of blocks. */
  readonly actions: readonly OperationStep[];
  /** Every id of the trigger and of steps and blocks, in document order, for duplicate checks. */
  readonly ids: readonly StepIdEntry[];
  /** `jira-recipe-lint-disable…` comments, for formats that have comments (our YAML). */
  readonly suppressions?: readonly SuppressionComment[];
}

/** A comment that silences findings: of the codes listed (all when none), on one line or in the whole file. */
export interface SuppressionComment {
  readonly codes: readonly string[];
  /** The 0-based line it silences (the next line that is not a comment); absent: the whole file. */
  readonly line?: number;
}

/** What reading a recipe file found wrong before any check: the codes are finding codes of the same name. */
export interface ReadProblem {
  readonly code: 'yaml-syntax' | 'json-syntax' | 'schema' | 'unknown-format' | 'unreadable-file' | 'disabled-step' | 'unknown-trigger' | 'unknown-action';
  readonly message: string;
  readonly range: Range;
  readonly step?: string;
  readonly operation?: string;
  /** Text that fixes the problem when it replaces the text at `range` (a misspelt operation's likely name). */
  readonly suggestion?: string;
}

/** A recipe file as an adapter read it: its model, and its problems (a syntax problem means the model is empty). */
export interface ReadRecipe {
  readonly text: string;
  readonly model: RecipeModel;
  readonly problems: readonly ReadProblem[];
  /** True when the problems include a syntax error: the model is then not to be trusted. */
  readonly broken: boolean;
}

export function emptyModel(format: RecipeFormat): RecipeModel {
  return { format, connections: new Map(), declaresConnections: false, trigger: undefined, actions: [], ids: [] };
}

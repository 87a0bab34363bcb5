/**
 * A deployed `.dmn` resource as plain JSON data: its decision requirements graph (DRG) and the decisions in it, with
 * every FEEL text kept as written. Evaluation compiles the FEEL on first use (see compile-decision-table.ts).
 */

/** One `.dmn` resource: Zeebe's DecisionRequirements, holding its decisions. */
export interface DecisionRequirementsGraph {
  /** The `id` of `<definitions>`: Zeebe's `decisionRequirementsId`. */
  decisionRequirementsId: string;
  /** The `name` of `<definitions>`, else its id. */
  decisionRequirementsName: string;
  /** The resource's XML as deployed, which Zeebe keeps with the decision requirements. */
  xml: string;
  /** In document order. */
  decisions: Decision[];
}

export interface Decision {
  id: string;
  /** The `name` of `<decision>`, else its id. */
  name: string;
  /** Ids of the decisions whose results this one reads, in document order; each is in the same graph. */
  requiredDecisions: string[];
  /**
   * The name under which decisions requiring this one find its result: the name of its `<variable>`, else its id
   * (dmn-scala, the DMN engine of Zeebe 8.3).
   */
  resultName: string;
  logic: DecisionTable | LiteralExpression;
}

/** Zeebe's decisionType of the evaluated decision. */
export type DecisionType = 'DECISION_TABLE' | 'LITERAL_EXPRESSION';

export const HIT_POLICIES = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'] as const;
export type HitPolicy = typeof HIT_POLICIES[number];

/** Only for hit policy COLLECT. */
export const AGGREGATIONS = ['SUM', 'COUNT', 'MIN', 'MAX'] as const;
export type Aggregation = typeof AGGREGATIONS[number];

export interface DecisionTable {
  type: 'DECISION_TABLE';
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: DecisionTableInput[];
  outputs: DecisionTableOutput[];
  /** In table order; a rule's index is its position counted from 1. */
  rules: DecisionRule[];
}

export interface DecisionTableInput {
  id: string;
  label?: string;
  /** FEEL, evaluated once per evaluation of the table. */
  expression: string;
  typeRef?: string;
}

export interface DecisionTableOutput {
  id: string;
  /** The key of this output in the result of a table with several outputs. */
  name?: string;
  label?: string;
  typeRef?: string;
  /** The output values in priority order (for PRIORITY and OUTPUT ORDER), first highest. */
  outputValues?: Array<string | number | boolean>;
  /** FEEL giving this output's value when no rule matches. */
  defaultOutputEntry?: string;
}

export interface DecisionRule {
  /** The rule's id, or '' for a rule without one. */
  id: string;
  /** FEEL unary tests, one per input; '' and '-' match anything. */
  inputEntries: string[];
  /** FEEL, one per output. */
  outputEntries: string[];
}

export interface LiteralExpression {
  type: 'LITERAL_EXPRESSION';
  /** FEEL */
  expression: string;
  /** The name of the decision's `<variable>`, if it has one. */
  variableName?: string;
  typeRef?: string;
}

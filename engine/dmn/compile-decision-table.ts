/** A decision table's FEEL compiled on its first evaluation and kept for as long as the table object lives. */
import { compileFeel, compileUnaryTests, type CompiledFeel, type CompiledUnaryTests } from '../feel/index.js';
import { fail, ok, type Result } from '../result.js';
import type { DecisionTable } from './model.js';

export interface CompiledDecisionTable {
  inputs: CompiledFeel[];
  rules: CompiledRule[];
  /** Per output, its default output entry if it has one. */
  defaultOutputs: Array<CompiledFeel | undefined>;
}

export interface CompiledRule {
  /** Per input; undefined for an entry that matches anything ('' or '-'), which needs no test. */
  inputEntries: Array<CompiledUnaryTests | undefined>;
  outputEntries: CompiledFeel[];
}

const compiledTables = new WeakMap<DecisionTable, Result<CompiledDecisionTable>>();

export function compileDecisionTable(table: DecisionTable): Result<CompiledDecisionTable> {
  let compiled = compiledTables.get(table);
  if (compiled === undefined) {
    compiled = compileUncached(table);
    compiledTables.set(table, compiled);
  }
  return compiled;
}

/** Thrown inside compileUncached for the first text that does not compile, which a deployed table never has. */
class CompileFailure extends Error {}

function compileUncached(table: DecisionTable): Result<CompiledDecisionTable> {
  try {
    return ok({
      inputs: table.inputs.map(({ expression }) => compiled(expression, compileFeel)),
      rules: table.rules.map(({ inputEntries, outputEntries }) => ({
        inputEntries: inputEntries.map((entry) => (matchesAnything(entry) ? undefined : compiled(entry, compileUnaryTests))),
        outputEntries: outputEntries.map((entry) => compiled(entry, compileFeel)),
      })),
      defaultOutputs: table.outputs.map(({ defaultOutputEntry }) =>
        (defaultOutputEntry === undefined ? undefined : compiled(defaultOutputEntry, compileFeel))),
    });
  } catch (error) {
    if (error instanceof CompileFailure) return fail(error.message);
    throw error;
  }
}

function compiled<T>(source: string, compile: (source: string) => Result<T>): T {
  const result = compile(source);
  if (!result.ok) throw new CompileFailure(`failed to parse expression '${source}': ${result.failure.message}`);
  return result.value;
}

const matchesAnything = (entry: string): boolean => entry.trim() === '' || entry.trim() === '-';

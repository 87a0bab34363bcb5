/** The names a FEEL expression reads, as feelin spells them: words joined by one space, backticks dropped. */
import { children, type FeelNode } from './syntax.js';

export function nameOf(node: FeelNode, source: string): string {
  return children(node)
    .map((part) => source.slice(part.from, part.to).replace(/`/g, ''))
    .join(' ');
}

/**
 * Every distinct name the expression looks up as a variable, including names that turn out to be bound inside it
 * (`for x in ...`, function parameters): binding those from outside as well changes nothing, since inner bindings
 * hide outer ones.
 */
export function variableNames(root: FeelNode, source: string): string[] {
  const names = new Set<string>();
  const visit = (node: FeelNode): void => {
    if (node.name === 'VariableName') names.add(nameOf(node, source));
    else children(node).forEach(visit);
  };
  visit(root);
  return [...names];
}

/**
 * Reads a deployment rejection in Zeebe's message format, where each problem is
 * `- Element: <id> > <path>` followed by `    - ERROR: <message>` lines, into the elements and their messages.
 */
export interface RejectedElement {
  elementId: string;
  /** The XML path below the element (`extensionElements > taskDefinition`), when Zeebe gives one. */
  path?: string;
  messages: string[];
}

export function parseRejectedElements(message: string): RejectedElement[] {
  const elements: RejectedElement[] = [];
  for (const line of message.split('\n')) {
    const element = /- Element: (.+?)\s*$/.exec(line);
    if (element) {
      const [elementId, ...path] = element[1].split(' > ');
      elements.push({ elementId: elementId.trim(), ...(path.length > 0 ? { path: path.join(' > ') } : {}), messages: [] });
      continue;
    }
    const error = /^\s*- (?:ERROR|WARNING): (.+?)\s*$/.exec(line);
    if (error && elements.length > 0) elements[elements.length - 1].messages.push(error[1]);
  }
  return elements;
}

/** A reason the validator cannot judge a form, naming the component. */

export interface SchemaProblem {
  /** The component's `id`, or where it stands in the schema when it has none. */
  readonly componentId: string;
  /** JSON pointer to the component in the schema (`/components/2`); empty for the form itself. */
  readonly pointer: string;
  readonly message: string;
}

export class FormSchemaError extends Error {
  constructor(readonly problems: readonly SchemaProblem[]) {
    super(`the form cannot be validated: ${problems.map((problem) => problem.message).join('; ')}`);
    this.name = 'FormSchemaError';
  }
}

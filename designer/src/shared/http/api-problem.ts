/** An error answer of the server: RFC 9457 problem details, with field errors (`pointer`, `detail`) for bad input. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

export class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: readonly FieldProblem[],
    /** Members beyond the standard ones, such as a rejected deployment's `elements`. */
    readonly extensions: Readonly<Record<string, unknown>>,
  ) {
    super(detail ?? title);
  }

  /** The slug of `urn:amtsflow:problem:<slug>`, for switching on known problems. */
  get slug(): string {
    return this.type.replace(/^urn:amtsflow:problem:/, '');
  }

  /** The field errors as a map from the field's name (the pointer's last segment) to the message. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.errors.map((error) => [error.pointer.split('/').pop() ?? '', error.detail]));
  }
}

export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's error page): the status says enough
  }
  const { type, title, detail, errors, status: _status, instance: _instance, ...extensions } = body;
  return new ApiProblem(
    response.status,
    typeof type === 'string' ? type : 'about:blank',
    typeof title === 'string' ? title : response.statusText,
    typeof detail === 'string' ? detail : undefined,
    Array.isArray(errors) ? (errors as FieldProblem[]) : [],
    extensions,
  );
}

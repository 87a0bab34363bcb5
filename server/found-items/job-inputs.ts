/**
 * Reading a found-items job's variables: a missing or malformed one is a `JobInputError` naming every such variable,
 * which the worker turns into an incident (the process model must be fixed, retrying cannot help).
 */
export class JobInputError extends Error {}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class JobInputs {
  private readonly problems: string[] = [];

  constructor(private readonly variables: Record<string, unknown>, private readonly headers: Record<string, string>) {}

  text(name: string, maxLength = 2000): string {
    const value = this.variables[name];
    if (typeof value === 'string' && value.trim() !== '' && value.length <= maxLength) return value.trim();
    this.problems.push(`${name} must be a text of 1 to ${maxLength} characters`);
    return '';
  }

  optionalText(name: string, maxLength = 2000): string | undefined {
    const value = this.variables[name];
    return value === undefined || value === null || value === '' ? undefined : this.text(name, maxLength);
  }

  /** A day as `YYYY-MM-DD`; a date-time is cut to its day. */
  day(name: string): string {
    const value = this.variables[name];
    const day = typeof value === 'string' ? value.slice(0, 10) : '';
    if (ISO_DAY.test(day) && !Number.isNaN(Date.parse(day))) return day;
    this.problems.push(`${name} must be a date (YYYY-MM-DD)`);
    return '';
  }

  optionalDay(name: string): string | undefined {
    const value = this.variables[name];
    return value === undefined || value === null || value === '' ? undefined : this.day(name);
  }

  object(name: string): Record<string, unknown> {
    const value = this.variables[name];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problems.push(`${name} must be an object`);
    return {};
  }

  /** A task header that must name one of `allowed`. */
  oneOfHeader<Value extends string>(name: string, allowed: readonly Value[]): Value {
    const value = this.headers[name];
    if (allowed.includes(value as Value)) return value as Value;
    this.problems.push(`the task header ${name} must be one of ${allowed.join(', ')}${value === undefined ? '' : ` (not '${value}')`}`);
    return allowed[0];
  }

  integerHeader(name: string, fallback: number, min: number, max: number): number {
    const value = this.headers[name];
    if (value === undefined || value === '') return fallback;
    const number = Number(value);
    if (Number.isInteger(number) && number >= min && number <= max) return number;
    this.problems.push(`the task header ${name} must be a whole number from ${min} to ${max}`);
    return fallback;
  }

  /** Throws when any read above failed. */
  check(): void {
    if (this.problems.length > 0) throw new JobInputError(this.problems.join('; '));
  }
}

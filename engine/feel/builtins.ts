/**
 * The functions every FEEL evaluation sees besides feelin's own. feelin takes no list of extra builtins; functions
 * reach FEEL as variables, and a variable of the same name hides a builtin, as it hides feelin's.
 */
import { CAMUNDA_BUILTINS } from './camunda-builtins.js';
import { DECIMAL_BUILTINS } from './decimal-builtins.js';
import type { FeelCallable } from './feel-callable.js';

export const BUILTINS: Readonly<Record<string, FeelCallable>> = { ...CAMUNDA_BUILTINS, ...DECIMAL_BUILTINS };

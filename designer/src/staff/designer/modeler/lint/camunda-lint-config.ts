/**
 * bpmnlint in the browser: the Camunda 8.3 rules of bpmnlint-plugin-camunda-compat (the engine speaks Zeebe 8.3's
 * protocol), resolved from modules bundled at build time instead of Node's `require`.
 */
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import lintConfig from './lint-config.json' with { type: 'json' };

/**
 * The config a process is checked with (`lint-config.json`, which the reference processes' lint test reads too): the
 * 8.3 rules, with user task forms judged as for Camunda's web modeler, which links forms by `formId` (the engine and
 * the task list resolve linked forms); the desktop modeler's 8.3 rules would refuse them.
 */
export const LINT_CONFIG = lintConfig;

type RuleModule = { default?: unknown } | ((...args: unknown[]) => unknown);

// Every rule file of both packages, bundled eagerly: the modeler chunk is loaded for linting anyway.
const compatRuleModules = import.meta.glob<RuleModule>('../../../../../../node_modules/bpmnlint-plugin-camunda-compat/rules/camunda-cloud/**/*.js', { eager: true });
const coreRuleModules = import.meta.glob<RuleModule>('../../../../../../node_modules/bpmnlint/rules/*.js', { eager: true });

function ruleOf(modules: Record<string, RuleModule>, suffixes: string[]): unknown {
  for (const [file, module] of Object.entries(modules)) {
    if (suffixes.some((suffix) => file.endsWith(suffix))) return typeof module === 'function' ? module : module.default;
  }
  return undefined;
}

export const lintResolver = {
  resolveRule(pkg: string, ruleName: string): unknown {
    if (pkg === 'bpmnlint') {
      const rule = ruleOf(coreRuleModules, [`/bpmnlint/rules/${ruleName}.js`]);
      if (rule) return rule;
    } else if (pkg === 'bpmnlint-plugin-camunda-compat') {
      const path = camundaCompat.rules[ruleName]?.replace(/^\.\//, '/bpmnlint-plugin-camunda-compat/');
      const rule = path ? ruleOf(compatRuleModules, [`${path}.js`, `${path}/index.js`]) : undefined;
      if (rule) return rule;
    }
    throw new Error(`No lint rule ${pkg}/${ruleName} in the bundle`);
  },
  resolveConfig(pkg: string, configName: string): unknown {
    if (pkg === 'bpmnlint-plugin-camunda-compat' && camundaCompat.configs[configName]) return camundaCompat.configs[configName];
    throw new Error(`No lint config ${pkg}/${configName} in the bundle`);
  },
};

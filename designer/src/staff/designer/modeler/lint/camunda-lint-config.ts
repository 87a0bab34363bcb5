/**
 * bpmnlint in the browser: the Camunda 8.3 rules of bpmnlint-plugin-camunda-compat (the engine speaks Zeebe 8.3's
 * protocol), resolved from modules bundled at build time instead of Node's `require`.
 */
import camundaCompat from 'bpmnlint-plugin-camunda-compat';

/** The config a process is checked with; `camunda-compat/` rules carry `{ version: '8.3' }` as their options. */
export const LINT_CONFIG = { extends: 'plugin:camunda-compat/camunda-cloud-8-3' };

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

/** The connectors component's public face: the SDK, the runtime, element templates and the built-in connectors. */
export * from './sdk/index.js';
export { startConnectorRuntime, type ConnectorRuntime, type ConnectorRuntimeOptions } from './runtime/connector-runtime.js';
export { zeebeMessagePublisher } from './runtime/zeebe-message-publisher.js';
export type { ConnectorMetricsSnapshot, ConnectorTypeMetrics, DurationHistogram, JobOutcome } from './runtime/connector-metrics.js';
export { FileSystemDocumentStore } from './documents/file-system-document-store.js';
export { elementTemplateOf, ELEMENT_TEMPLATE_SCHEMA_URL, type ElementTemplate, type ElementTemplateProperty } from './templates/element-template.js';
export { elementTemplatesOf } from './templates/element-templates.js';
export { elementTemplateProblems } from './templates/element-template-schema.js';
export * from './builtin/index.js';
export { connectorSecrets, readConnectorsConfig, ConnectorsConfigError, PAYMENT_CLIENT_SECRET, type ConnectorsConfig } from './config.js';
export { startConnectors, type RunningConnectors, type StartConnectorsOptions } from './start-connectors.js';

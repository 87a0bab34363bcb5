/** The connector SDK: what a connector's author imports. */
export { defineConnector, RESULT_EXPRESSION_HEADER, RESULT_VARIABLE_HEADER } from './define-connector.js';
export type { Connector, ConnectorContext, ConnectorDeclaration, ConnectorErrorDeclaration, ConnectorJob, TemplateGroup } from './define-connector.js';
export { ConnectorError, PermanentFailure } from './connector-error.js';
export type { InputSchema, JsonSchema, JsonSchemaType, TemplateHints } from './json-schema.js';
export { environmentSecretProvider, SECRET_ENVIRONMENT_PREFIX, type SecretProvider } from './secrets.js';
export { DocumentNotFoundError, type DocumentReference, type DocumentStore, type NewDocument } from './documents.js';
export type { MessagePublisher, MessageToPublish, PublishedMessage } from './messages.js';
export { inTransaction, type SqlExecutor, type SqlRow } from './sql-executor.js';
export { applyMigrations } from './apply-migrations.js';

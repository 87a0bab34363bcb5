/**
 * server/: the platform service. The public face: start it, read its configuration, and what a route module needs
 * to plug in (the context, route declarations, authorization middleware, audit, problems).
 */
export { readServerConfig, ServerConfigError, type ServerConfig, type OidcConfig } from './config.js';
export { startServer, type RunningServer, type StartServerOptions } from './start-server.js';
export { createApp, FOUNDATION_MODULES } from './app.js';
export type { BackgroundWork, RouteModule, ServerContext } from './server-context.js';
export { ApiRoutes, type ApiRoute, type Access, type ValidInput, type JsonSchema } from './http/api-routes.js';
export { HttpProblem, problemType, validationProblem, notFound, type FieldError } from './http/problem.js';
export { requireStaff, requireDepartment, signInRequired, forbidden } from './identity/authorization.js';
export { staffOf, type RequestAuth } from './identity/request-auth.js';
export { ROLES, type Role } from './identity/roles.js';
export { hasRole, isClerkOfAny, type StaffUser } from './identity/staff-user.js';
export { AuditLog, actorOf, requestOrigin, SYSTEM_ACTOR, type AuditActor, type AuditEntryInput } from './audit/audit-log.js';
export { DeploymentStore, type StoredContent } from './deployments/deployment-store.js';
export { seedBundles, type SeedBundle } from './seeding/seed-bundles.js';
export { elementTemplateRoutes, type ElementTemplateSource } from './deployments/element-template-routes.js';
export { taskModule, taskRoutes, type TaskModuleOptions } from './tasks/task-module.js';
export type { AttachmentReader, TaskAttachment } from './tasks/attachment-reader.js';
export { gatewayProblem, type GatewayError } from './http/gateway-problem.js';
export type { OperationsSource } from './operations/operations-source.js';
export { openServerStorage, type ServerStorageOptions } from './storage/server-storage.js';
export { foundItemsModule, foundItemsRegister } from './found-items/found-items-module.js';
export { FOUND_ITEMS_JOB_TYPE } from './found-items/found-items-operations.js';
export type { FoundItemRegister, PublicFoundItem, PublicSearch } from './found-items/found-item-register.js';

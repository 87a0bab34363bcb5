/** Staff roles. A user may hold several; a clerk works on the user tasks of their departments. */
export const ROLES = ['admin', 'process-manager', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

/** Department ids are BPMN candidate group ids: what a `zeebe:assignmentDefinition candidateGroups` lists. */
export const DEPARTMENT_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$';

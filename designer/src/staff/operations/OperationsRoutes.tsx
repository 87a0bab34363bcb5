/** Operations' pages: the instance list and one instance. */
import { matchPath, useRouter } from '../../shared/routing/router.js';
import type { StaffUser } from '../auth/auth-api.js';
import { StaffLayout } from '../layout/StaffLayout.js';
import { InstancePage } from './instance/InstancePage.js';
import { InstanceListPage } from './list/InstanceListPage.js';
import './operations.css';

export function OperationsRoutes({ user }: { user: StaffUser }) {
  const { path } = useRouter();
  const instance = matchPath('/staff/operations/instances/:processInstanceKey', path);
  return (
    <StaffLayout user={user} wide={instance !== undefined}>
      {instance ? <InstancePage key={instance.processInstanceKey} instanceKey={instance.processInstanceKey} /> : <InstanceListPage />}
    </StaffLayout>
  );
}

/** An instance's state in words, with its open incidents: an active instance with incidents is "stopped by an incident". */
import { useStaffI18n } from '../i18n/use-staff-i18n.js';
import type { InstanceSummary } from './operations-api.js';

export function InstanceStateLabel({ instance }: { instance: Pick<InstanceSummary, 'state' | 'activeIncidents'> }) {
  const { t } = useStaffI18n();
  const withIncident = instance.state === 'ACTIVE' && instance.activeIncidents > 0;
  return (
    <span className={`instance-state instance-state--${withIncident ? 'incident' : instance.state.toLowerCase()}`}>
      {withIncident ? t('operations.state.withIncidents', { count: instance.activeIncidents }) : t(`operations.state.${instance.state}`)}
    </span>
  );
}

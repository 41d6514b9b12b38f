import type { ReactNode } from 'react';
import type { Permission } from '@cds/shared';
import { AgreementAlertsWidget } from '../labour/AgreementAlertsWidget';

/**
 * What each module shows on the home page (targets with traffic lights, arrears, cases not
 * visited…), shown to users who hold the permission somewhere. Modules add entries here.
 */
export const HOME_WIDGETS: { key: string; element: ReactNode; permission?: Permission; wide?: boolean }[] = [
  { key: 'agreement-alerts', element: <AgreementAlertsWidget />, permission: 'activity.read' },
];

import type { ReactNode } from 'react';
import type { Permission } from '@cds/shared';
import { MembersDueWidget, MyCardWidget } from '../members/MembersWidgets';

/**
 * What each module shows on the home page (targets with traffic lights, arrears, cases not
 * visited…), shown to users who hold the permission somewhere. Modules add entries here.
 */
export const HOME_WIDGETS: { key: string; element: ReactNode; permission?: Permission; wide?: boolean }[] = [
  { key: 'members-due', element: <MembersDueWidget />, permission: 'member.write' },
  { key: 'my-card', element: <MyCardWidget />, permission: 'self.read' },
];

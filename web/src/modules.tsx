import type { ReactNode } from 'react';
import type { Permission } from '@cds/shared';
import { AuditOutlined, ApartmentOutlined, CalendarOutlined, SolutionOutlined, IdcardOutlined, AimOutlined, DashboardOutlined, FileTextOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { HomePage } from './pages/home/HomePage';
import { UnitsPage } from './pages/org/UnitsPage';
import { UsersPage } from './pages/admin/UsersPage';
import { AuditPage } from './pages/admin/AuditPage';
import { MembersPage } from './pages/members/MembersPage';
import { MemberPage } from './pages/members/MemberPage';
import { CardVerifyPage } from './pages/members/CardVerifyPage';
import { MemberImportPage } from './pages/members/import/MemberImportPage';
import { AssessmentsPage } from './pages/members/AssessmentsPage';
import { RecommendationsPage } from './pages/members/RecommendationsPage';
import { TransfersPage } from './pages/members/TransfersPage';
import { ProgrammeDashboardPage } from './pages/programme/ProgrammeDashboardPage';
import { ReportsPage } from './pages/programme/ReportsPage';
import { ActivitiesPage } from './pages/activities/ActivitiesPage';
import { ActivityPage } from './pages/activities/ActivityPage';
import { LabourPage } from './pages/labour/LabourPage';

/**
 * Every screen of the app: its route, its menu entry (Vietnamese-first labels from the locale
 * files) and the permission it needs somewhere in the user's grants. A module adds its entries here.
 */
export interface ModuleRoute {
  path: string;
  element: ReactNode;
  /** Menu label key; routes without one are reachable by link only (record pages). */
  menu?: string;
  icon?: ReactNode;
  /** Groups the entry under a parent menu (e.g. 'admin'). */
  group?: string;
  permission?: Permission;
}

export const MENU_GROUPS: Record<string, { label: string; icon: ReactNode }> = {
  admin: { label: 'menu.admin', icon: <SettingOutlined /> },
};

/** Pages anyone may open without signing in (e-card verification). */
export const PUBLIC_ROUTES: { path: string; element: ReactNode }[] = [{ path: '/the/:token', element: <CardVerifyPage /> }];

export const ROUTES: ModuleRoute[] = [
  { path: '/', element: <HomePage />, menu: 'menu.home', icon: <DashboardOutlined /> },
  { path: '/to-chuc', element: <UnitsPage />, menu: 'menu.units', icon: <ApartmentOutlined />, permission: 'unit.read' },
  { path: '/doan-vien', element: <MembersPage />, menu: 'menu.members', icon: <IdcardOutlined />, permission: 'member.read' },
  { path: '/doan-vien/nhap-excel', element: <MemberImportPage />, permission: 'member.write' },
  { path: '/doan-vien/:id', element: <MemberPage />, permission: 'member.read' },
  { path: '/hoat-dong', element: <ActivitiesPage />, menu: 'menu.activities', icon: <CalendarOutlined />, permission: 'activity.read' },
  { path: '/hoat-dong/:id', element: <ActivityPage />, permission: 'activity.read' },
  { path: '/quan-he-lao-dong', element: <LabourPage />, menu: 'menu.labour', icon: <SolutionOutlined />, permission: 'activity.read' },
  { path: '/doan-vien/xep-loai', element: <AssessmentsPage />, permission: 'member.read' },
  { path: '/doan-vien/gioi-thieu-dang', element: <RecommendationsPage />, permission: 'member.sensitive' },
  { path: '/doan-vien/chuyen-sinh-hoat', element: <TransfersPage />, permission: 'member.read' },
  { path: '/chuong-trinh', element: <ProgrammeDashboardPage />, menu: 'menu.programme', icon: <AimOutlined />, permission: 'programme.read' },
  { path: '/bao-cao', element: <ReportsPage />, menu: 'menu.reports', icon: <FileTextOutlined />, permission: 'report.read' },
  { path: '/quan-tri/nguoi-dung', element: <UsersPage />, menu: 'menu.users', icon: <TeamOutlined />, group: 'admin', permission: 'user.read' },
  { path: '/quan-tri/nhat-ky', element: <AuditPage />, menu: 'menu.audit', icon: <AuditOutlined />, group: 'admin', permission: 'audit.read' },
];

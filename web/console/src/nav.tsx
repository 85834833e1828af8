// The console's sections: route, menu label, icon and who may see them.
import type { ReactNode } from 'react';
import {
  AlertOutlined,
  CloudUploadOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
  HistoryOutlined,
  SafetyOutlined,
  TrophyOutlined,
  ControlOutlined,
  FundProjectionScreenOutlined,
  PieChartOutlined,
  ApartmentOutlined,
  ApiOutlined,
  BarChartOutlined,
  CommentOutlined,
  FileSearchOutlined,
  FormOutlined,
  ClusterOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  AuditOutlined,
  CalendarOutlined,
  HomeOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  TeamOutlined,
  UserOutlined,
  KeyOutlined,
} from '@ant-design/icons';
import type { MessageKey } from './i18n.ts';
import type { RoutePath } from './router.ts';
import { can } from './session.ts';
import type { SessionUser } from './types.ts';

export type SectionGroup = 'services' | 'supervision' | 'system' | 'personal';

export interface Section {
  path: RoutePath;
  label: MessageKey;
  description: MessageKey;
  icon: ReactNode;
  allowed: (user: SessionUser) => boolean;
  /** Side-menu group; the home entry has none and stays on top. */
  group?: SectionGroup;
  /** Who may open `<path>/<id>` detail pages (defaults to `allowed`). */
  detailAllowed?: (user: SessionUser) => boolean;
  /**
   * A GET the entry depends on when the session cannot tell (the permission's scope is not in it): the entry
   * shows only once the call answers 2xx (ConsoleLayout asks once per session).
   */
  probe?: string;
}

export const GROUP_LABELS: Record<SectionGroup, MessageKey> = {
  services: 'nav.group.services',
  supervision: 'nav.group.supervision',
  system: 'nav.group.system',
  personal: 'nav.group.personal',
};

const everyone = () => true;
const caseWorker = (u: SessionUser) => can(u, 'services.cases.accept', 'services.cases.review', 'services.cases.decide');
/** Reads findings: the unit's own (supervision.findings.read) or those of the units an office oversees. */
const findingReader = (u: SessionUser) => can(u, 'supervision.findings.read', 'supervision.oversee');
const overseer = (u: SessionUser) => can(u, 'supervision.oversee');

export const SECTIONS: Section[] = [
  { path: '/', label: 'nav.home', description: 'home.title', icon: <HomeOutlined aria-hidden="true" />, allowed: everyone },
  {
    path: '/queue',
    label: 'nav.queue',
    description: 'nav.queue.desc',
    icon: <ScheduleOutlined aria-hidden="true" />,
    allowed: caseWorker,
    group: 'services',
  },
  {
    path: '/walk-in',
    label: 'nav.walkIn',
    description: 'nav.walkIn.desc',
    icon: <FormOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'services.cases.register'),
    group: 'services',
  },
  {
    path: '/cases',
    label: 'nav.cases',
    description: 'nav.cases.desc',
    icon: <FileSearchOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'services.cases.read'),
    detailAllowed: (u) => can(u, 'services.cases.read') || caseWorker(u),
    group: 'services',
  },
  {
    path: '/service-items',
    label: 'nav.serviceItems',
    description: 'nav.serviceItems.desc',
    icon: <ProfileOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'services.items.read', 'services.items.edit', 'services.items.review'),
    group: 'services',
  },
  {
    // Everyone who works on the catalogue sees the bundles; the hall office (services.items.review) changes them.
    path: '/life-events',
    label: 'nav.lifeEvents',
    description: 'nav.lifeEvents.desc',
    icon: <ClusterOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'services.items.read', 'services.items.edit', 'services.items.review'),
    group: 'services',
  },
  {
    path: '/rectifications',
    label: 'nav.rectifications',
    description: 'nav.rectifications.desc',
    icon: <CommentOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'services.cases.read'),
    group: 'services',
  },
  {
    path: '/statistics',
    label: 'nav.statistics',
    description: 'nav.statistics.desc',
    icon: <BarChartOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'services.cases.read'),
    group: 'services',
  },
  {
    path: '/external-systems',
    label: 'nav.externalSystems',
    description: 'nav.externalSystems.desc',
    icon: <ApiOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'services.integrations.manage'),
    group: 'services',
  },
  {
    path: '/supervision/findings',
    label: 'nav.supFindings',
    description: 'nav.supFindings.desc',
    icon: <AlertOutlined aria-hidden="true" />,
    allowed: findingReader,
    group: 'supervision',
  },
  {
    path: '/supervision/dashboard',
    label: 'nav.supDashboard',
    description: 'nav.supDashboard.desc',
    icon: <FundProjectionScreenOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'supervision.oversee'),
    group: 'supervision',
  },
  {
    path: '/supervision/tasks',
    label: 'nav.supTasks',
    description: 'nav.supTasks.desc',
    icon: <FileDoneOutlined aria-hidden="true" />,
    allowed: findingReader,
    group: 'supervision',
  },
  {
    path: '/supervision/complaints',
    label: 'nav.supComplaints',
    description: 'nav.supComplaints.desc',
    icon: <ExceptionOutlined aria-hidden="true" />,
    allowed: overseer,
    group: 'supervision',
  },
  {
    path: '/supervision/scores',
    label: 'nav.supScores',
    description: 'nav.supScores.desc',
    icon: <TrophyOutlined aria-hidden="true" />,
    allowed: findingReader,
    group: 'supervision',
  },
  {
    // Readable by all staff; shown to those who work on supervision or keep the register.
    path: '/supervision/risk-points',
    label: 'nav.supRiskPoints',
    description: 'nav.supRiskPoints.desc',
    icon: <SafetyOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'supervision.oversee', 'supervision.rules.manage', 'supervision.findings.read'),
    group: 'supervision',
  },
  {
    path: '/supervision/statistics',
    label: 'nav.supStatistics',
    description: 'nav.supStatistics.desc',
    icon: <PieChartOutlined aria-hidden="true" />,
    allowed: findingReader,
    group: 'supervision',
  },
  {
    path: '/supervision/rules',
    label: 'nav.supRules',
    description: 'nav.supRules.desc',
    icon: <ControlOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'supervision.rules.manage'),
    group: 'supervision',
  },
  {
    path: '/supervision/log',
    label: 'nav.supLog',
    description: 'nav.supLog.desc',
    icon: <HistoryOutlined aria-hidden="true" />,
    allowed: overseer,
    group: 'supervision',
  },
  {
    // Only an overseer granted everything may read it; the session does not carry scopes, so the call decides.
    path: '/supervision/reports',
    label: 'nav.supReports',
    description: 'nav.supReports.desc',
    icon: <CloudUploadOutlined aria-hidden="true" />,
    allowed: overseer,
    probe: '/api/supervision/reports?pageSize=1',
    group: 'supervision',
  },
  {
    path: '/org',
    label: 'nav.org',
    description: 'nav.org.desc',
    icon: <ApartmentOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'identity.org.read', 'identity.org.manage'),
    group: 'system',
  },
  {
    path: '/users',
    label: 'nav.users',
    description: 'nav.users.desc',
    icon: <TeamOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'identity.users.manage', 'security.users.unlock'),
    group: 'system',
  },
  {
    path: '/roles',
    label: 'nav.roles',
    description: 'nav.roles.desc',
    icon: <KeyOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'identity.roles.manage'),
    group: 'system',
  },
  {
    path: '/security',
    label: 'nav.security',
    description: 'nav.security.desc',
    icon: <SafetyCertificateOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'security.policy.manage'),
    group: 'system',
  },
  {
    path: '/audit',
    label: 'nav.audit',
    description: 'nav.audit.desc',
    icon: <AuditOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'audit.read'),
    group: 'system',
  },
  { path: '/calendar', label: 'nav.calendar', description: 'nav.calendar.desc', icon: <CalendarOutlined aria-hidden="true" />, allowed: everyone, group: 'system' },
  {
    path: '/outbox',
    label: 'nav.outbox',
    description: 'nav.outbox.desc',
    icon: <SendOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'notify.outbox.read'),
    group: 'system',
  },
  { path: '/messages', label: 'nav.messages', description: 'nav.messages.desc', icon: <MailOutlined aria-hidden="true" />, allowed: everyone, group: 'personal' },
  { path: '/profile', label: 'nav.profile', description: 'nav.profile.desc', icon: <UserOutlined aria-hidden="true" />, allowed: everyone, group: 'personal' },
];

export function findSection(path: string): Section | undefined {
  return SECTIONS.find((section) => section.path === path);
}

/** Sections that have `<path>/<id>` detail pages. */
export const DETAIL_SECTIONS: readonly RoutePath[] = ['/cases', '/service-items', '/supervision/findings', '/supervision/tasks', '/supervision/complaints'];

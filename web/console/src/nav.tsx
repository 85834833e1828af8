// The console's sections: route, menu label, icon and who may see them.
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
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

export interface Section {
  path: RoutePath;
  label: MessageKey;
  description: MessageKey;
  icon: ReactNode;
  allowed: (user: SessionUser) => boolean;
}

const everyone = () => true;

export const SECTIONS: Section[] = [
  { path: '/', label: 'nav.home', description: 'home.title', icon: <HomeOutlined aria-hidden="true" />, allowed: everyone },
  {
    path: '/org',
    label: 'nav.org',
    description: 'nav.org.desc',
    icon: <ApartmentOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'identity.org.read', 'identity.org.manage'),
  },
  {
    path: '/users',
    label: 'nav.users',
    description: 'nav.users.desc',
    icon: <TeamOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'identity.users.manage', 'security.users.unlock'),
  },
  {
    path: '/roles',
    label: 'nav.roles',
    description: 'nav.roles.desc',
    icon: <KeyOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'identity.roles.manage'),
  },
  {
    path: '/security',
    label: 'nav.security',
    description: 'nav.security.desc',
    icon: <SafetyCertificateOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'security.policy.manage'),
  },
  {
    path: '/audit',
    label: 'nav.audit',
    description: 'nav.audit.desc',
    icon: <AuditOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'audit.read'),
  },
  { path: '/calendar', label: 'nav.calendar', description: 'nav.calendar.desc', icon: <CalendarOutlined aria-hidden="true" />, allowed: everyone },
  {
    path: '/outbox',
    label: 'nav.outbox',
    description: 'nav.outbox.desc',
    icon: <SendOutlined aria-hidden="true" />,
    allowed: (u) => can(u, 'notify.outbox.read'),
  },
  { path: '/messages', label: 'nav.messages', description: 'nav.messages.desc', icon: <MailOutlined aria-hidden="true" />, allowed: everyone },
  { path: '/profile', label: 'nav.profile', description: 'nav.profile.desc', icon: <UserOutlined aria-hidden="true" />, allowed: everyone },
];

export function findSection(path: string): Section | undefined {
  return SECTIONS.find((section) => section.path === path);
}

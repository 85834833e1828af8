// The signed-in frame: top bar, permission-filtered side menu, one <main> with the current page.
import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { Badge, Button, ConfigProvider, Layout, Menu, Segmented, Spin, Tooltip } from 'antd';
import { BellOutlined, LogoutOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { useI18n, type Lang } from '../i18n.ts';
import { DETAIL_SECTIONS, GROUP_LABELS, SECTIONS, findSection, type Section, type SectionGroup } from '../nav.tsx';
import { href, navigate, parseDetailPath, useRoute, type RoutePath } from '../router.ts';
import { useSession } from '../session.ts';
import { HEADER_BLUE } from '../theme.ts';
import type { MessagesResponse, SessionUser } from '../types.ts';
import { ForbiddenPage, NotFoundPage } from '../pages/Fallback.tsx';
import { MESSAGES_CHANGED } from '../events.ts';

const PAGES: Record<RoutePath, LazyExoticComponent<ComponentType>> = {
  '/': lazy(() => import('../pages/Home.tsx')),
  '/org': lazy(() => import('../pages/Org.tsx')),
  '/users': lazy(() => import('../pages/Users.tsx')),
  '/roles': lazy(() => import('../pages/Roles.tsx')),
  '/security': lazy(() => import('../pages/SecurityPolicy.tsx')),
  '/audit': lazy(() => import('../pages/Audit.tsx')),
  '/calendar': lazy(() => import('../pages/Calendar.tsx')),
  '/outbox': lazy(() => import('../pages/Outbox.tsx')),
  '/messages': lazy(() => import('../pages/Messages.tsx')),
  '/profile': lazy(() => import('../pages/Profile.tsx')),
  '/queue': lazy(() => import('../pages/WorkQueue.tsx')),
  '/walk-in': lazy(() => import('../pages/WalkIn.tsx')),
  '/cases': lazy(() => import('../pages/CaseSearch.tsx')),
  '/service-items': lazy(() => import('../pages/ServiceItems.tsx')),
  '/statistics': lazy(() => import('../pages/Statistics.tsx')),
  '/rectifications': lazy(() => import('../pages/Rectifications.tsx')),
  '/external-systems': lazy(() => import('../pages/ExternalSystems.tsx')),
  '/life-events': lazy(() => import('../pages/LifeEvents.tsx')),
  '/supervision/findings': lazy(() => import('../pages/SupervisionFindings.tsx')),
  '/supervision/rules': lazy(() => import('../pages/SupervisionRules.tsx')),
  '/supervision/dashboard': lazy(() => import('../pages/SupervisionDashboard.tsx')),
  '/supervision/statistics': lazy(() => import('../pages/SupervisionStatistics.tsx')),
  '/supervision/tasks': lazy(() => import('../pages/SupervisionTasks.tsx')),
  '/supervision/scores': lazy(() => import('../pages/SupervisionScores.tsx')),
  '/supervision/complaints': lazy(() => import('../pages/SupervisionComplaints.tsx')),
  '/supervision/risk-points': lazy(() => import('../pages/SupervisionRiskPoints.tsx')),
  '/supervision/log': lazy(() => import('../pages/SupervisionLog.tsx')),
  '/supervision/reports': lazy(() => import('../pages/SupervisionReports.tsx')),
};

/** Pages at `<section>/<id>`; each reads the id from the route. */
const DETAIL_PAGES: Partial<Record<RoutePath, LazyExoticComponent<ComponentType<{ id: string }>>>> = {
  '/cases': lazy(() => import('../pages/CaseDetail.tsx')),
  '/service-items': lazy(() => import('../pages/ServiceItemEditor.tsx')),
  '/supervision/findings': lazy(() => import('../pages/SupervisionFindingDetail.tsx')),
  '/supervision/tasks': lazy(() => import('../pages/SupervisionTaskDetail.tsx')),
  '/supervision/complaints': lazy(() => import('../pages/SupervisionComplaintDetail.tsx')),
};

interface ResolvedRoute {
  section: Section | undefined;
  detailId: string | null;
}

function resolveRoute(path: string): ResolvedRoute {
  const section = findSection(path);
  if (section) return { section, detailId: null };
  const detail = parseDetailPath(path);
  if (detail && (DETAIL_SECTIONS as readonly string[]).includes(detail.section)) return { section: findSection(detail.section), detailId: detail.id };
  return { section: undefined, detailId: null };
}

const GROUP_ORDER: SectionGroup[] = ['services', 'supervision', 'system', 'personal'];

/** Paths of the sections whose probe (see Section.probe) answered 2xx for this user; asked once per user. */
function usePassedProbes(user: SessionUser): Set<string> {
  const [passed, setPassed] = useState<Set<string>>(() => new Set());
  useEffect(() => {
    let live = true;
    const probed = SECTIONS.filter((s) => s.probe && s.allowed(user));
    void Promise.all(probed.map((s) => api.get(s.probe ?? '').then(() => s.path, () => null))).then((paths) => {
      if (live) setPassed(new Set(paths.filter((path): path is RoutePath => path !== null)));
    });
    return () => {
      live = false;
    };
  }, [user]);
  return passed;
}

function useUnreadCount(path: string): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      api
        .get<MessagesResponse>('/api/messages', { page: 1, pageSize: 1 })
        .then((result) => live && setUnread(result.unread))
        .catch(() => undefined);
    void load();
    window.addEventListener(MESSAGES_CHANGED, load);
    return () => {
      live = false;
      window.removeEventListener(MESSAGES_CHANGED, load);
    };
  }, [path]);
  return unread;
}

const headerTheme = {
  components: {
    Segmented: {
      trackBg: 'rgba(255,255,255,0.14)',
      itemColor: '#ffffff',
      itemHoverColor: '#ffffff',
      itemHoverBg: 'rgba(255,255,255,0.18)',
      itemSelectedBg: '#ffffff',
      itemSelectedColor: HEADER_BLUE,
    },
  },
};

export default function ConsoleLayout() {
  const { t, lang, setLang } = useI18n();
  const { user, signOut } = useSession();
  const path = useRoute();
  const unread = useUnreadCount(path);
  const probes = usePassedProbes(user);
  const { section, detailId } = resolveRoute(path);
  const allowed = section ? (detailId !== null ? (section.detailAllowed ?? section.allowed)(user) : section.allowed(user)) : false;
  const Page = section && allowed && detailId === null ? PAGES[section.path] : null;
  const DetailPage = section && allowed && detailId !== null ? (DETAIL_PAGES[section.path] ?? null) : null;
  const visible = SECTIONS.filter((s) => s.allowed(user) && (!s.probe || probes.has(s.path)));
  const menuItem = (s: Section) => ({ key: s.path, icon: s.icon, label: <a href={href(s.path)}>{t(s.label)}</a> });
  const menuItems = [
    ...visible.filter((s) => !s.group).map(menuItem),
    ...GROUP_ORDER.flatMap((group) => {
      const entries = visible.filter((s) => s.group === group);
      return entries.length === 0 ? [] : [{ type: 'group' as const, key: `group-${group}`, label: t(GROUP_LABELS[group]), children: entries.map(menuItem) }];
    }),
  ];

  useEffect(() => {
    const pageName = section ? t(section.label) : t('error.notFound');
    document.title = `${pageName} · ${t('app.title')}`;
  }, [section, t]);

  const adminRoleLabel = user.adminRole ? t(`adminRole.${user.adminRole}`) : null;
  const unreadLabel = unread > 0 ? t('header.messagesUnread', { n: unread }) : t('nav.messages');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, color: '#fff' }}>
        <a
          className="zt-skip-link"
          href={`#${path}`}
          onClick={(event) => {
            event.preventDefault();
            document.querySelector<HTMLElement>('main h1')?.focus();
          }}
        >
          {t('a11y.skipToContent')}
        </a>
        <a href={href('/')} style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', textDecoration: 'none', lineHeight: 1.2 }}>
          <span
            aria-hidden="true"
            style={{
              width: 32,
              height: 32,
              borderRadius: 6,
              background: '#fff',
              color: HEADER_BLUE,
              display: 'grid',
              placeItems: 'center',
              fontWeight: 700,
              fontSize: 18,
            }}
          >
            政
          </span>
          <span style={{ fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('app.brand')}</span>
          <span style={{ fontSize: 13, opacity: 0.9, whiteSpace: 'nowrap' }}>{t('app.consoleName')}</span>
        </a>
        <div style={{ flex: 1 }} />
        <div style={{ lineHeight: 1.3, textAlign: 'right', fontSize: 13 }}>
          <div style={{ fontWeight: 600 }}>
            {user.displayName}
            {adminRoleLabel ? ` · ${adminRoleLabel}` : ''}
          </div>
          <div>{user.unitName ?? ''}</div>
        </div>
        <ConfigProvider theme={headerTheme}>
          <Tooltip title={unreadLabel}>
            <Badge count={unread} size="small" offset={[-4, 4]}>
              <Button
                type="text"
                className="zt-header-button"
                icon={<BellOutlined aria-hidden="true" style={{ fontSize: 18 }} />}
                aria-label={unreadLabel}
                href={href('/messages')}
              />
            </Badge>
          </Tooltip>
          <Segmented<Lang>
            aria-label={t('header.language')}
            value={lang}
            onChange={setLang}
            options={[
              { value: 'zh', label: <span lang="zh-CN">中文</span> },
              { value: 'en', label: <span lang="en">English</span> },
            ]}
          />
          <Button type="text" className="zt-header-button" icon={<LogoutOutlined aria-hidden="true" />} onClick={() => void signOut()}>
            {t('header.signOut')}
          </Button>
        </ConfigProvider>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #e5e7eb' }}>
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[section?.path ?? path]}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              onClick={({ key }) => navigate(key as RoutePath)}
              items={menuItems}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense
            fallback={
              <div style={{ padding: 48, textAlign: 'center' }}>
                <Spin description={t('common.loading')} />
              </div>
            }
          >
            {Page ? (
              <Page key={lang} />
            ) : DetailPage && detailId !== null ? (
              <DetailPage key={`${lang}-${detailId}`} id={detailId} />
            ) : section ? (
              <ForbiddenPage />
            ) : (
              <NotFoundPage />
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

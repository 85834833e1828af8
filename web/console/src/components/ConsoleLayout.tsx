// The signed-in frame: top bar, permission-filtered side menu, one <main> with the current page.
import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { Badge, Button, ConfigProvider, Layout, Menu, Segmented, Spin, Tooltip } from 'antd';
import { BellOutlined, LogoutOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { useI18n, type Lang } from '../i18n.ts';
import { SECTIONS, findSection } from '../nav.tsx';
import { href, navigate, useRoute, type RoutePath } from '../router.ts';
import { useSession } from '../session.ts';
import { HEADER_BLUE } from '../theme.ts';
import type { MessagesResponse } from '../types.ts';
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
};

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
  const section = findSection(path);
  const allowed = section ? section.allowed(user) : false;
  const Page = section && allowed ? PAGES[section.path] : null;

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
              selectedKeys={[path]}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              onClick={({ key }) => navigate(key as RoutePath)}
              items={SECTIONS.filter((s) => s.allowed(user)).map((s) => ({
                key: s.path,
                icon: s.icon,
                label: <a href={href(s.path)}>{t(s.label)}</a>,
              }))}
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
            {Page ? <Page key={lang} /> : section ? <ForbiddenPage /> : <NotFoundPage />}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

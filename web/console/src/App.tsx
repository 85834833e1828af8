// Providers (language, antd theme/locale) and the session gate: loading → sign-in → console.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { api, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import { I18nContext, getLang, setLang as storeLang, translate, useI18n, type I18n, type Lang } from './i18n.ts';
import { SessionContext, fetchSession, type SessionContextValue } from './session.ts';
import { theme } from './theme.ts';
import type { SessionUser, Stage } from './types.ts';
import SignInPage from './pages/SignIn.tsx';

const ConsoleLayout = lazy(() => import('./components/ConsoleLayout.tsx'));

type GateState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'partial'; stage: Exclude<Stage, 'done'>; user: SessionUser }
  | { status: 'ready'; user: SessionUser }
  | { status: 'error'; message: string };

function FullPageSpin() {
  const { t } = useI18n();
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <h1 className="zt-visually-hidden">{t('app.title')}</h1>
      <Spin size="large" description={t('common.loading')} />
    </main>
  );
}

function Gate() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [state, setState] = useState<GateState>({ status: 'loading' });
  const statusRef = useRef(state.status);
  statusRef.current = state.status;

  const load = useCallback(async () => {
    try {
      const session = await fetchSession();
      if (!session) setState({ status: 'signed-out', expired: false });
      else if (session.stage === 'done') setState({ status: 'ready', user: session.user });
      else setState({ status: 'partial', stage: session.stage, user: session.user });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      if (statusRef.current === 'ready') message.warning(t('session.expired'));
      setState({ status: 'signed-out', expired: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [message, t]);

  const session = useMemo<SessionContextValue | null>(() => {
    if (state.status !== 'ready') return null;
    return {
      user: state.user,
      setUser: (user) => setState({ status: 'ready', user }),
      refresh: load,
      signOut: async () => {
        try {
          await api.post('/api/auth/sign-out');
        } catch {
          // the session may already be gone; sign out locally anyway
        }
        setCsrfToken(null);
        setState({ status: 'signed-out', expired: false });
      },
    };
  }, [state, load]);

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'error') {
    return (
      <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Result
          status="error"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('app.loadFailed')}</h1>}
          subTitle={state.message}
          extra={
            <Button type="primary" onClick={() => void load()}>
              {t('common.retry')}
            </Button>
          }
        />
      </main>
    );
  }
  if (state.status === 'signed-out' || state.status === 'partial') {
    return (
      <SignInPage
        key={state.status === 'partial' ? `${state.user.id}-${state.stage}` : 'signed-out'}
        initialStage={state.status === 'partial' ? state.stage : null}
        initialUser={state.status === 'partial' ? state.user : null}
        expired={state.status === 'signed-out' && state.expired}
        onDone={load}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={<FullPageSpin />}>
        <ConsoleLayout />
      </Suspense>
    </SessionContext.Provider>
  );
}

export default function App() {
  const [lang, setLangState] = useState<Lang>(getLang);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      setLang: (next) => {
        storeLang(next);
        setLangState(next);
      },
      t: (key, vars) => translate(lang, key, vars),
    }),
    [lang],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
        <AntApp>
          <Gate />
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

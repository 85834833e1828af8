// The frame of a supervision record's own page (#/supervision/findings|tasks|complaints/<id>), where the in-app
// messages about it link: the record's title as the page's <h1>, a way back to its list, and the record's detail
// panel once loaded (a failed load shows the server's message with a retry).
import type { ReactNode } from 'react';
import { Alert, Button, Card, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import { href, type RoutePath } from '../router.ts';
import PageHeader from '../components/PageHeader.tsx';

interface Props<T> {
  /** The record's GET address. */
  url: string;
  /** The list the page belongs to, and the back button's text. */
  list: RoutePath;
  backLabel: string;
  /** The heading while the record loads or when it cannot be read. */
  pageTitle: string;
  titleOf: (record: T) => string;
  /** The detail panel; `update` takes the record an action returned. */
  children: (record: T, update: (next: T) => void) => ReactNode;
}

/** Loads `url` and shows the record with `children`, under its title and a back button to `list`. */
export default function RecordPage<T>({ url, list, backLabel, pageTitle, titleOf, children }: Props<T>) {
  const { t } = useI18n();
  const loaded = useLoad(() => api.get<T>(url), [url]);
  const record = loaded.data;
  return (
    <>
      <PageHeader
        title={record ? titleOf(record) : pageTitle}
        extra={
          <Button href={href(list)} icon={<ArrowLeftOutlined aria-hidden="true" />}>
            {backLabel}
          </Button>
        }
      />
      {loaded.error ? (
        <Alert type="error" showIcon title={errorText(loaded.error)} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />
      ) : !record ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : (
        <Card style={{ maxWidth: 920 }}>{children(record, loaded.setData)}</Card>
      )}
    </>
  );
}

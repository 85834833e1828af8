// "Export Excel" button: downloads `<list path>/export.xlsx` with the list's current filters.
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { downloadXlsx, type Query } from '../api.ts';
import { useI18n } from '../i18n.ts';

export default function ExportButton({ path, query, baseName }: { path: string; query: Query; baseName: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined aria-hidden="true" />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadXlsx(`${path}/export.xlsx`, query, `${baseName}-${dayjs().format('YYYYMMDD-HHmm')}.xlsx`);
        } catch (error) {
          message.error(error instanceof Error ? error.message : String(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('common.exportExcel')}
    </Button>
  );
}

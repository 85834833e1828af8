// 导入 Excel: uploads the catalogue workbook (POST /api/service-items/imports, multipart `file` → 202 with the
// import), polls GET /api/service-items/imports/:id every second with a progress bar, then shows the counts
// when done or the row-by-row report (sheet, row, column, message) when the import failed.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Progress, Table, Upload } from 'antd';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { api, postMultipart } from '../../api.ts';
import { errorText } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import type { ItemImport } from '../../services/hallTools.ts';

const POLL_MS = 1000;
const finished = (view: ItemImport | null) => view !== null && (view.status === 'done' || view.status === 'failed');

function ImportResult({ view }: { view: ItemImport }) {
  const { t } = useI18n();
  if (view.status === 'done' && view.counts) {
    return (
      <section aria-labelledby="import-done-title" style={{ marginTop: 16 }}>
        <Alert type="success" showIcon title={<span id="import-done-title">{t('svc.import.doneTitle', { total: view.totalRows })}</span>} description={t('svc.import.doneHint')} />
        <dl className="zt-import-counts">
          <div>
            <dt>{t('svc.import.created')}</dt>
            <dd data-count="created">{view.counts.created}</dd>
          </div>
          <div>
            <dt>{t('svc.import.updated')}</dt>
            <dd data-count="updated">{view.counts.updated}</dd>
          </div>
          <div>
            <dt>{t('svc.import.unchanged')}</dt>
            <dd data-count="unchanged">{view.counts.unchanged}</dd>
          </div>
        </dl>
      </section>
    );
  }
  if (view.status === 'failed') {
    const report = view.report ?? [];
    return (
      <section aria-labelledby="import-report-title" style={{ marginTop: 16 }}>
        <Alert
          type="error"
          showIcon
          title={<span id="import-report-title">{t('svc.import.failedTitle', { n: report.length })}</span>}
          description={
            <>
              {t('svc.import.failedHint')}
              {view.reportTruncated ? ` ${t('svc.import.truncated', { n: report.length })}` : ''}
            </>
          }
          style={{ marginBottom: 12 }}
        />
        <Table
          size="small"
          rowKey={(row) => `${row.sheet}-${row.row}-${row.column}-${row.message}`}
          dataSource={report}
          pagination={report.length > 8 ? { pageSize: 8, showSizeChanger: false, size: 'small' } : false}
          title={() => <strong>{t('svc.import.report')}</strong>}
          columns={[
            { title: t('svc.import.sheet'), dataIndex: 'sheet', width: 100 },
            { title: t('svc.import.row'), dataIndex: 'row', width: 70, align: 'right' },
            { title: t('svc.import.column'), dataIndex: 'column', width: 150 },
            { title: t('svc.import.message'), dataIndex: 'message' },
          ]}
        />
      </section>
    );
  }
  return null;
}

export default function ImportItemsModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<ItemImport | null>(null);
  const timer = useRef<number | null>(null);

  const stopPolling = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const poll = (id: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const next = await api.get<ItemImport>(`/api/service-items/imports/${encodeURIComponent(id)}`);
        setView(next);
        if (finished(next)) {
          timer.current = null;
          if (next.status === 'done') onImported();
          return;
        }
      } catch (caught) {
        setError(t('svc.import.pollFailed', { message: errorText(caught) }));
      }
      poll(id);
    }, POLL_MS);
  };

  const start = async () => {
    if (!file) {
      setError(t('svc.import.fileRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const started = await postMultipart<ItemImport>('/api/service-items/imports', file);
      setView(started);
      if (!finished(started)) poll(started.id);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    stopPolling();
    setFile(null);
    setView(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const statusText = view ? t(`svc.import.status.${view.status}`) : '';
  const progressStatus = view?.status === 'failed' ? 'exception' : view?.status === 'done' ? 'success' : 'active';

  return (
    <Modal
      open={open}
      title={t('svc.import.title')}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={
        view ? (
          <>
            {finished(view) ? <Button onClick={reset}>{t('svc.import.again')}</Button> : null}
            <Button type="primary" onClick={close}>
              {t('common.close')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void start()}>
              {t('svc.import.start')}
            </Button>
          </>
        )
      }
    >
      {!view ? (
        <>
          <p className="zt-hint">{t('svc.import.intro')}</p>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            maxCount={1}
            showUploadList={false}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setError(null);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon" style={{ marginBottom: 8 }}>
              <InboxOutlined aria-hidden="true" style={{ color: '#1d4ed8' }} />
            </p>
            <p className="ant-upload-text" style={{ color: '#111827' }}>
              {t('svc.import.drop')}
            </p>
            <p className="ant-upload-hint" style={{ color: '#4b5563' }}>
              {t('svc.import.dropHint')}
            </p>
          </Upload.Dragger>
          <p role="status" style={{ margin: '12px 0 0', minHeight: 22 }}>
            {file ? (
              <>
                <FileExcelOutlined aria-hidden="true" style={{ color: '#15803d', marginInlineEnd: 6 }} />
                {t('svc.import.chosen', { name: file.name })}
              </>
            ) : null}
          </p>
        </>
      ) : (
        <section aria-labelledby="import-progress-title">
          <h3 id="import-progress-title" className="zt-subtitle" style={{ marginTop: 0 }}>
            {t('svc.import.progress')}
            <span style={{ fontWeight: 400, color: '#4b5563', marginInlineStart: 8 }}>{view.fileName}</span>
          </h3>
          <Progress percent={view.percent} status={progressStatus} aria-label={t('svc.import.progress')} strokeColor={view.status === 'failed' ? '#b91c1c' : view.status === 'done' ? '#15803d' : '#1d4ed8'} />
          <p role="status" aria-live="polite" style={{ margin: '6px 0 0', color: '#374151' }}>
            <strong>{statusText}</strong>
            {view.totalRows > 0 ? ` · ${t('svc.import.rows', { processed: view.processedRows, total: view.totalRows })}` : ''}
          </p>
          <ImportResult view={view} />
        </section>
      )}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

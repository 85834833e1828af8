// Files on supervision records: the download list of a history entry, and the upload control of a form
// (each chosen file goes through POST /api/files at once; the form sends the ids).
import { useRef, useState } from 'react';
import { App, Button } from 'antd';
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { uploadFile } from '../api.ts';
import { errorText } from '../format.ts';
import { useI18n } from '../i18n.ts';
import type { StoredFile } from '../services/types.ts';

const ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,.docx,.xlsx';

/** A human size: 12 KB, 1.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / 104857.6) / 10} MB`;
}

/** Download links of stored files; nothing when there are none. */
export function FileLinks({ files }: { files: StoredFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="zt-finding-files" aria-label={t('sup.detail.files')}>
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/api/files/${encodeURIComponent(file.id)}/content`} aria-label={t('sup.detail.download', { name: file.originalName })}>
            <FileOutlined aria-hidden="true" /> {file.originalName}
          </a>
          <span className="zt-cell-note"> {formatSize(file.size)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Upload control for a form: `files` are the uploaded ones; `dataAttr` marks the hidden input for tests. */
export function FileUploader({ id, label, hint, files, onChange, onBusy, max = 20, dataAttr, addLabel }: { id: string; label: string; hint: string; files: StoredFile[]; onChange: (files: StoredFile[]) => void; onBusy?: (busy: boolean) => void; max?: number; dataAttr: string; addLabel?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const latest = useRef(files);
  latest.current = files;

  const upload = async (chosen: File[]) => {
    setUploading(true);
    onBusy?.(true);
    try {
      for (const file of chosen.slice(0, max - latest.current.length)) {
        const stored = await uploadFile<StoredFile>(file);
        latest.current = [...latest.current, stored];
        onChange(latest.current);
        message.success(t('sup.respond.uploaded', { name: stored.originalName }));
      }
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setUploading(false);
      onBusy?.(false);
    }
  };

  return (
    <div className="zt-finding-upload" role="group" aria-labelledby={`${id}-label`}>
      <div id={`${id}-label`} className="zt-finding-upload-label">
        {label}
      </div>
      <p className="zt-hint">{hint}</p>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        style={{ display: 'none' }}
        aria-label={label}
        {...{ [`data-${dataAttr}`]: '' }}
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          event.target.value = '';
          if (chosen.length > 0) void upload(chosen);
        }}
      />
      {files.length > 0 ? (
        <ul className="zt-finding-files">
          {files.map((file) => (
            <li key={file.id}>
              <FileOutlined aria-hidden="true" /> {file.originalName} <span className="zt-cell-note">{formatSize(file.size)}</span>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden="true" />}
                aria-label={t('sup.respond.removeFile', { name: file.originalName })}
                title={t('sup.respond.removeFile', { name: file.originalName })}
                onClick={() => onChange(files.filter((other) => other.id !== file.id))}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <Button icon={<UploadOutlined aria-hidden="true" />} loading={uploading} disabled={files.length >= max} onClick={() => input.current?.click()}>
        {addLabel ?? t('sup.files.add')}
      </Button>
    </div>
  );
}

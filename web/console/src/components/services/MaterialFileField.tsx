// One of a material's two downloadable files (空白表格 / 示例样表) as a form control whose value is the file id:
// upload (POST /api/files, a fresh upload that saving the item attaches to the version), download, replace,
// remove. The file input is hidden behind a plain button, so there is no nested interactive element.
import { useRef, useState } from 'react';
import { App, Button } from 'antd';
import { DeleteOutlined, FileOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { uploadFile } from '../../api.ts';
import { errorText } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import StatusTag from '../StatusTag.tsx';
import type { StoredFile } from '../../services/types.ts';

export type MaterialFileKind = 'blankForm' | 'sample';

/** What the materials tab knows about files: names of those it may read, and which ones are saved with the item. */
export interface MaterialFiles {
  byId: ReadonlyMap<string, StoredFile>;
  saved: ReadonlySet<string>;
  onUploaded: (file: StoredFile) => void;
}

/** The types the upload accepts that make sense for a form or sample. */
const ACCEPT = '.pdf,.ofd,.docx,.xlsx,.jpg,.jpeg,.png';

export default function MaterialFileField({
  value,
  onChange,
  kind,
  n,
  files,
  disabled,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  kind: MaterialFileKind;
  n: number;
  files: MaterialFiles;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const kindName = t(`svc.materialFile.${kind}`);
  const stored = value ? files.byId.get(value) : undefined;

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const uploaded = await uploadFile<StoredFile>(file);
      files.onUploaded(uploaded);
      onChange?.(uploaded.id);
      message.success(t('svc.materialFile.uploaded', { name: uploaded.originalName }));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const picker = (
    <input
      ref={input}
      type="file"
      style={{ display: 'none' }}
      accept={ACCEPT}
      aria-label={t('svc.materialFile.uploadNamed', { n, kind: kindName })}
      data-material-file={`${n}-${kind}`}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) void upload(file);
      }}
    />
  );

  if (!value) {
    if (disabled) return <span style={{ color: '#4b5563' }}>—</span>;
    return (
      <>
        {picker}
        <Button size="small" icon={<UploadOutlined aria-hidden="true" />} loading={busy} onClick={() => input.current?.click()} aria-label={t('svc.materialFile.uploadNamed', { n, kind: kindName })}>
          {kindName}
        </Button>
      </>
    );
  }

  const name = stored?.originalName ?? t('svc.materialFile.unknown');
  return (
    <div className="zt-material-file">
      <span className="zt-material-file-kind">{kindName}</span>
      <div className="zt-material-file-row">
        <a className="zt-material-file-name" href={`/api/files/${encodeURIComponent(value)}/content`} title={name} aria-label={t('svc.materialFile.downloadNamed', { kind: kindName, name })}>
          <FileOutlined aria-hidden="true" /> {name}
        </a>
        {files.saved.has(value) ? null : <StatusTag tone="warning">{t('svc.materialFile.unsaved')}</StatusTag>}
        {disabled ? null : (
          <>
            {picker}
            <Button size="small" type="text" icon={<SwapOutlined aria-hidden="true" />} loading={busy} onClick={() => input.current?.click()} aria-label={t('svc.materialFile.replaceNamed', { n, kind: kindName })} title={t('svc.materialFile.replace')} />
            <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden="true" />} onClick={() => onChange?.(null)} aria-label={t('svc.materialFile.removeNamed', { n, kind: kindName })} title={t('svc.materialFile.remove')} />
          </>
        )}
      </div>
    </div>
  );
}

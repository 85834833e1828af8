// The item editor's knowledge of the materials' blank forms and samples: the files the item detail named (saved
// with the item) plus those uploaded since, so a fresh upload shows its name and a "not saved yet" mark.
import { useCallback, useMemo, useState } from 'react';
import type { MaterialFiles } from '../components/services/MaterialFileField.tsx';
import type { ItemDetail, StoredFile } from './types.ts';

/** Files of the item being edited; starts again from the item whenever a new detail arrives (after a save). */
export function useMaterialFiles(item: ItemDetail): MaterialFiles {
  const [uploaded, setUploaded] = useState<{ itemVersion: string; files: StoredFile[] }>({ itemVersion: '', files: [] });
  const key = `${item.version.id}@${item.updatedAt}`;
  const fresh = uploaded.itemVersion === key ? uploaded.files : [];
  const onUploaded = useCallback((file: StoredFile) => setUploaded((previous) => ({ itemVersion: key, files: [...(previous.itemVersion === key ? previous.files : []), file] })), [key]);
  return useMemo(() => {
    const byId = new Map<string, StoredFile>();
    for (const file of [...(item.files ?? []), ...fresh]) byId.set(file.id, file);
    return { byId, saved: new Set((item.files ?? []).map((file) => file.id)), onUploaded };
  }, [item.files, fresh, onUploaded]);
}

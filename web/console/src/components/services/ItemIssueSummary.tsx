// The item editor's error summary: the server's message and one link per issue that opens the tab and focuses the field.
import { Alert, Button } from 'antd';
import type { ApiIssue } from '../../api.ts';
import { useI18n } from '../../i18n.ts';
import { describePath, toNamePath } from '../../services/itemForm.ts';

export default function ItemIssueSummary({ failure, issues, onClose, goTo }: { failure: string; issues: ApiIssue[]; onClose: () => void; goTo: (path: Array<string | number>) => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={failure}
      description={
        issues.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {issues.map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>
                <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => goTo(toNamePath(issue.path))}>
                  {describePath(issue.path, t)}
                </Button>
                ：{issue.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

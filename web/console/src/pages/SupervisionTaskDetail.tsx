// One supervision task (督查督办) on its own page (#/supervision/tasks/<id>), where the messages about a task
// issued or answered link to: its facts, the reply or review form the viewer may use, and its history.
import { useI18n } from '../i18n.ts';
import RecordPage from '../supervision/RecordPage.tsx';
import TaskDetailPanel from '../supervision/TaskDetailPanel.tsx';
import type { SupervisionTaskDetail } from '../supervision/types.ts';

export default function SupervisionTaskDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <RecordPage<SupervisionTaskDetail>
      url={`/api/supervision/tasks/${encodeURIComponent(id)}`}
      list="/supervision/tasks"
      backLabel={t('sup.task.back')}
      pageTitle={t('sup.task.pageTitle')}
      titleOf={(task) => t('sup.task.drawerTitle', { number: task.taskNumber, title: task.title })}
    >
      {(task, update) => <TaskDetailPanel task={task} onChanged={update} headingLevel={2} />}
    </RecordPage>
  );
}

// One complaint (投诉) on its own page (#/supervision/complaints/<id>), where the message about a new complaint
// links to: the complainant's content, the internal notes and the reply that closes it, and its history.
import { useI18n } from '../i18n.ts';
import ComplaintDetailPanel from '../supervision/ComplaintDetailPanel.tsx';
import RecordPage from '../supervision/RecordPage.tsx';
import type { ComplaintDetail } from '../supervision/types.ts';

export default function SupervisionComplaintDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <RecordPage<ComplaintDetail>
      url={`/api/supervision/complaints/${encodeURIComponent(id)}`}
      list="/supervision/complaints"
      backLabel={t('sup.complaint.back')}
      pageTitle={t('sup.complaint.pageTitle')}
      titleOf={(complaint) => t('sup.complaint.drawerTitle', { number: complaint.complaintNumber })}
    >
      {(complaint, update) => <ComplaintDetailPanel complaint={complaint} onChanged={update} headingLevel={2} />}
    </RecordPage>
  );
}

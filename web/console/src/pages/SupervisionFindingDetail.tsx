// One finding on its own page (#/supervision/findings/<id>), where the notices of new findings link to.
import { useI18n } from '../i18n.ts';
import FindingDetailPanel from '../supervision/FindingDetailPanel.tsx';
import RecordPage from '../supervision/RecordPage.tsx';
import { levelKey, subjectText } from '../supervision/tags.tsx';
import type { FindingDetail } from '../supervision/types.ts';

export default function SupervisionFindingDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <RecordPage<FindingDetail>
      url={`/api/supervision/findings/${encodeURIComponent(id)}`}
      list="/supervision/findings"
      backLabel={t('sup.detail.back')}
      pageTitle={t('sup.detail.pageTitle')}
      titleOf={(finding) => t('sup.detail.title', { level: t(levelKey(finding.level)), subject: subjectText(t, finding.subjectType, finding.subjectLabel) })}
    >
      {(finding, update) => <FindingDetailPanel finding={finding} onChanged={update} headingLevel={2} />}
    </RecordPage>
  );
}

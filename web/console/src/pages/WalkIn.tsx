// 窗口登记: a hall window registers an application brought in person — a published item, the applicant,
// the item's form and optional scanned materials — with POST /api/cases/walk-in, then prints the receipt.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Radio, Result, Row, Select, Space, Spin } from 'antd';
import { FileDoneOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../api.ts';
import { applyIssues, errorText, formatDateTime, isValidCreditCode, isValidMobile, isValidResidentId } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { detailHref } from '../router.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import { ApplicationFormFields, MaterialUploads, type UploadedMaterials } from '../components/services/WalkInFields.tsx';
import type { ItemSummary, PublicGuide, Receipt } from '../services/types.ts';

interface Values {
  itemId: string;
  applicant: { kind: 'person' | 'company'; name: string; idNumber: string; phone?: string; email?: string };
  form: Record<string, string | number | Dayjs | null | undefined>;
}

function useItemSearch(query: string) {
  const [items, setItems] = useState<ItemSummary[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      api
        .get<{ items: ItemSummary[] }>('/api/public/service-items', { q: query.trim() || undefined, pageSize: 50 })
        .then((result) => live && setItems(result.items))
        .catch(() => live && setItems([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  return { items, loading };
}

function ReceiptView({ receipt, onAgain }: { receipt: Receipt; onAgain: () => void }) {
  const { t } = useI18n();
  return (
    <Card className="zt-receipt">
      <Result
        status="success"
        icon={<FileDoneOutlined aria-hidden="true" />}
        title={<h2 style={{ margin: 0, fontSize: 22 }}>{t('svc.walkIn.doneTitle')}</h2>}
        subTitle={t('svc.walkIn.doneHint')}
        extra={
          <Space wrap className="zt-no-print">
            <Button type="primary" icon={<PrinterOutlined aria-hidden="true" />} onClick={() => window.print()}>
              {t('svc.walkIn.print')}
            </Button>
            <Button href={detailHref('/cases', receipt.id)}>{t('svc.walkIn.openCase')}</Button>
            <Button onClick={onAgain}>{t('svc.walkIn.again')}</Button>
          </Space>
        }
      >
        <Descriptions
          bordered
          column={1}
          size="middle"
          style={{ maxWidth: 640, margin: '0 auto' }}
          items={[
            { key: 'number', label: t('svc.case.caseNumber'), children: <strong style={{ fontFamily: 'monospace', fontSize: 16 }}>{receipt.caseNumber}</strong> },
            { key: 'code', label: t('svc.walkIn.queryCode'), children: <strong style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 4 }}>{receipt.queryCode}</strong> },
            { key: 'item', label: t('svc.case.itemName'), children: receipt.itemName },
            { key: 'time', label: t('svc.walkIn.registeredAt'), children: formatDateTime(receipt.submittedAt) },
          ]}
        />
        <p style={{ textAlign: 'center', color: '#374151', marginTop: 16 }}>{t('svc.walkIn.queryHint')}</p>
      </Result>
    </Card>
  );
}

export default function WalkInPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [query, setQuery] = useState('');
  const search = useItemSearch(query);
  const [guide, setGuide] = useState<PublicGuide | null>(null);
  const [guideLoading, setGuideLoading] = useState(false);
  const [uploads, setUploads] = useState<UploadedMaterials>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'person';

  const pickItem = async (itemId: string | undefined) => {
    setGuide(null);
    setUploads({});
    setError(null);
    if (!itemId) return;
    setGuideLoading(true);
    try {
      const loaded = await api.get<PublicGuide>(`/api/public/service-items/${encodeURIComponent(itemId)}`);
      setGuide(loaded);
      const audiences = loaded.guide.audiences;
      const current = form.getFieldValue(['applicant', 'kind']) as string | undefined;
      if (audiences.length > 0 && !audiences.includes(current as 'person')) form.setFieldValue(['applicant', 'kind'], audiences[0]);
      form.setFieldValue('form', {});
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setGuideLoading(false);
    }
  };

  const submit = async (values: Values) => {
    if (!guide) return;
    setBusy(true);
    setError(null);
    const formValues: Record<string, string | number | null> = {};
    for (const field of guide.guide.form) {
      const value = values.form?.[field.key];
      if (value === undefined || value === null || value === '') continue;
      formValues[field.key] = typeof value === 'object' ? value.format('YYYY-MM-DD') : typeof value === 'string' ? value.trim() : value;
    }
    const applicant = {
      kind: values.applicant.kind,
      name: values.applicant.name.trim(),
      idNumber: values.applicant.idNumber.trim().toUpperCase(),
      ...(values.applicant.phone?.trim() ? { phone: values.applicant.phone.trim() } : {}),
      ...(values.applicant.email?.trim() ? { email: values.applicant.email.trim() } : {}),
    };
    const materials = Object.entries(uploads)
      .filter(([, files]) => files.length > 0)
      .map(([materialKey, files]) => ({ materialKey, fileIds: files.map((file) => file.id) }));
    try {
      setReceipt(await api.post<Receipt>('/api/cases/walk-in', { itemId: guide.id, applicant, form: formValues, materials }));
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setReceipt(null);
    setGuide(null);
    setUploads({});
    form.resetFields();
  };

  return (
    <>
      <PageHeader title={t('nav.walkIn')} description={t('svc.walkIn.description')} />
      {receipt ? (
        <ReceiptView receipt={receipt} onAgain={again} />
      ) : (
        <Form form={form} name="walk-in" layout="vertical" onFinish={submit} initialValues={{ applicant: { kind: 'person' }, form: {} }}>
          <Card title={<h2 className="zt-card-title">{t('svc.walkIn.stepItem')}</h2>} style={{ marginBottom: 16 }}>
            <Form.Item label={t('svc.walkIn.item')} name="itemId" rules={[{ required: true, message: t('svc.walkIn.itemRequired') }]} extra={t('svc.walkIn.itemHint')}>
              <Select
                showSearch={{ filterOption: false, onSearch: setQuery }}
                allowClear
                loading={search.loading}
                placeholder={t('svc.walkIn.itemPlaceholder')}
                onChange={(id: string | undefined) => void pickItem(id)}
                notFoundContent={search.loading ? <Spin size="small" /> : t('common.noData')}
                options={search.items.map((item) => ({ value: item.id, label: `${item.name} — ${item.unitName}` }))}
              />
            </Form.Item>
            {guideLoading ? <Spin /> : null}
            {guide ? (
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 2, xl: 3 }}
                items={[
                  { key: 'unit', label: t('svc.item.unit'), children: guide.unitName },
                  { key: 'type', label: t('svc.item.itemType'), children: guide.itemTypeName },
                  { key: 'kind', label: t('svc.item.caseKind'), children: guide.guide.caseKind === 'immediate' ? t('svc.caseKind.immediate') : t('svc.caseKind.promised') },
                  { key: 'days', label: t('svc.item.promisedDaysLong'), children: guide.guide.promisedDays === null ? '—' : t('svc.workingDays', { n: guide.guide.promisedDays }) },
                  { key: 'aud', label: t('svc.item.audiences'), children: guide.guide.audiences.map((a) => <StatusTag key={a} tone="info">{t(`svc.audience.${a}`)}</StatusTag>) },
                  { key: 'code', label: t('svc.item.implementationCode'), children: <code>{guide.implementationCode}</code> },
                ]}
              />
            ) : null}
          </Card>
          {guide ? (
            <>
              <Card title={<h2 className="zt-card-title">{t('svc.walkIn.stepApplicant')}</h2>} style={{ marginBottom: 16 }}>
                <Row gutter={16}>
                  <Col xs={24}>
                    <Form.Item label={t('svc.walkIn.applicantKind')} name={['applicant', 'kind']} rules={[{ required: true }]}>
                      <Radio.Group options={(['person', 'company'] as const).map((a) => ({ value: a, label: t(`svc.audience.${a}`), disabled: guide.guide.audiences.length > 0 && !guide.guide.audiences.includes(a) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12} xl={6}>
                    <Form.Item label={kind === 'company' ? t('svc.walkIn.companyName') : t('svc.walkIn.personName')} name={['applicant', 'name']} rules={[{ required: true, whitespace: true, message: t('svc.walkIn.nameRequired') }]}>
                      <Input maxLength={kind === 'company' ? 120 : 60} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12} xl={6}>
                    <Form.Item
                      label={kind === 'company' ? t('svc.case.creditCode') : t('svc.case.idNumber')}
                      name={['applicant', 'idNumber']}
                      dependencies={[['applicant', 'kind']]}
                      rules={[
                        { required: true, whitespace: true, message: t('svc.walkIn.idRequired') },
                        { validator: async (_, value: string | undefined) => { const v = (value ?? '').trim().toUpperCase(); if (v && !(kind === 'company' ? isValidCreditCode(v) : isValidResidentId(v))) throw new Error(kind === 'company' ? t('org.creditCodeInvalid') : t('svc.walkIn.idInvalid')); } },
                      ]}
                    >
                      <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12} xl={6}>
                    <Form.Item label={t('svc.walkIn.phone')} name={['applicant', 'phone']} extra={t('svc.walkIn.phoneHint')} rules={[{ validator: async (_, value: string | undefined) => { if (value?.trim() && !isValidMobile(value.trim())) throw new Error(t('users.phoneInvalid')); } }]}>
                      <Input inputMode="tel" autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12} xl={6}>
                    <Form.Item label={t('svc.walkIn.email')} name={['applicant', 'email']} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
                      <Input type="email" autoComplete="off" />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
              <Card title={<h2 className="zt-card-title">{t('svc.walkIn.stepForm')}</h2>} style={{ marginBottom: 16 }}>
                <ApplicationFormFields fields={guide.guide.form} />
              </Card>
              <Card title={<h2 className="zt-card-title">{t('svc.walkIn.stepMaterials')}</h2>} style={{ marginBottom: 16 }}>
                <MaterialUploads materials={guide.guide.materials} value={uploads} onChange={setUploads} />
              </Card>
              {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
              <Space>
                <Button type="primary" size="large" htmlType="submit" loading={busy}>
                  {t('svc.walkIn.submit')}
                </Button>
                <Button size="large" onClick={again}>
                  {t('common.reset')}
                </Button>
              </Space>
            </>
          ) : error ? (
            <Alert type="error" showIcon title={error} />
          ) : null}
        </Form>
      )}
    </>
  );
}

// 基本信息 and 办事指南 tabs of the item editor (plain fields of the guide).
import { Checkbox, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { useI18n } from '../../i18n.ts';
import type { ItemDetail } from '../../services/types.ts';
import { ITEM_TYPE_CODES, THEMES, themeKey } from '../../services/vocab.ts';

export function ItemBasicsTab({ item }: { item: ItemDetail }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 20 }}
        items={[
          { key: 'unit', label: t('svc.item.unit'), children: item.unitName },
          { key: 'impl', label: t('svc.item.implementationCode'), children: <code>{item.implementationCode}</code> },
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item label={t('svc.item.name')} name={['guide', 'name']} rules={[{ required: true, whitespace: true, message: t('svc.item.nameRequired') }, { max: 120 }]}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label={t('svc.item.itemType')} name={['guide', 'itemType']} rules={[{ required: true }]}>
            <Select options={ITEM_TYPE_CODES.map((code) => ({ value: code, label: `${code} ${t(`svc.itemType.${code}`)}` }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label={t('svc.item.caseKind')} name={['guide', 'caseKind']}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'promised', label: t('svc.caseKind.promised') },
                { value: 'immediate', label: t('svc.caseKind.immediate') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item
            label={t('svc.item.basicCode')}
            name={['guide', 'basicCode']}
            extra={t('svc.item.basicCodeHint')}
            rules={[{ required: true, message: t('svc.item.basicCodeRequired') }, { pattern: /^[0-9A-Z]{1,12}$/, message: t('svc.item.basicCodeInvalid') }]}
          >
            <Input maxLength={12} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label={t('svc.item.variantCode')} name={['guide', 'variantCode']} extra={t('svc.item.variantCodeHint')} rules={[{ pattern: /^[0-9A-Z]{0,4}$/, message: t('svc.item.variantCodeInvalid') }]}>
            <Input maxLength={4} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item label={t('svc.item.audiences')} name={['guide', 'audiences']}>
            <Checkbox.Group
              options={[
                { value: 'person', label: t('svc.audience.person') },
                { value: 'company', label: t('svc.audience.company') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('svc.item.themes')} name={['guide', 'themes']} extra={t('svc.item.themesHint')} rules={[{ type: 'array', max: 6, message: t('svc.item.themesMax') }]}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={[
                { label: t('svc.audience.person'), options: THEMES.filter((x) => x.audience === 'person').map((x) => ({ value: x.code, label: t(themeKey(x.code)) })) },
                { label: t('svc.audience.company'), options: THEMES.filter((x) => x.audience === 'company').map((x) => ({ value: x.code, label: t(themeKey(x.code)) })) },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item label={t('svc.item.statutoryDays')} name={['guide', 'statutoryDays']}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} suffix={t('svc.days')} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item label={t('svc.item.promisedDaysLong')} name={['guide', 'promisedDays']}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} suffix={t('svc.days')} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item label={t('svc.item.visits')} name={['guide', 'visits']}>
            <Select
              allowClear
              options={[0, 1, 2].map((n) => ({ value: n, label: n === 0 ? t('svc.item.visitsZero') : t('svc.item.visitsN', { n }) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item label={t('svc.item.online')} name={['guide', 'onlineApplication']} valuePropName="checked">
            <Switch checkedChildren={t('svc.item.onlineYes')} unCheckedChildren={t('svc.item.onlineNo')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

const GUIDE_TEXTS = [
  { name: 'summary', rows: 2, max: 500 },
  { name: 'legalBasis', rows: 4, max: 4000 },
  { name: 'acceptanceConditions', rows: 4, max: 4000 },
  { name: 'processDescription', rows: 3, max: 2000 },
] as const;
const GUIDE_LINES = ['place', 'hours', 'consultation', 'complaintChannel'] as const;

export function ItemGuideTab() {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      {GUIDE_TEXTS.map((field) => (
        <Col xs={24} key={field.name}>
          <Form.Item label={t(`svc.guide.${field.name}`)} name={['guide', field.name]} extra={field.name === 'processDescription' ? t('svc.guide.processDescriptionHint') : undefined}>
            <Input.TextArea autoSize={{ minRows: field.rows, maxRows: 12 }} maxLength={field.max} showCount />
          </Form.Item>
        </Col>
      ))}
      {GUIDE_LINES.map((name) => (
        <Col xs={24} lg={12} key={name}>
          <Form.Item label={t(`svc.guide.${name}`)} name={['guide', name]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GUIDE_ELEMENTS } from './guide-completeness.ts';
import { safeReturnPath, signInUrl } from './services.pages.common.ts';
import { daysText, ELEMENT_LABELS, fieldView, formatDate, formatDateTime, guideView, pageLinks, progressView } from './services.pages.views.ts';
import { serviceGuideSchema } from './service-guide.schema.ts';

test('dates are shown in China time', () => {
  assert.equal(formatDateTime('2025-10-09T16:30:00.000Z'), '2025-10-10 00:30');
  assert.equal(formatDateTime(null), '');
  assert.equal(formatDateTime('not a date'), 'not a date');
  assert.equal(formatDate('2025-10-09'), '2025年10月9日');
  assert.equal(formatDate('2025-10-09T16:30:00.000Z'), '2025年10月10日');
  assert.equal(daysText(0), '即办（当场办结）');
  assert.equal(daysText(5), '5 个工作日');
  assert.equal(daysText(null), '无');
});

test('page links keep the filters, mark the current page and leave gaps', () => {
  const links = pageLinks('/services/items', { q: '执照', theme: '', unit: 'u1' }, 5, 9);
  assert.equal(links.previous, '/services/items?q=%E6%89%A7%E7%85%A7&unit=u1&page=4');
  assert.equal(links.next, '/services/items?q=%E6%89%A7%E7%85%A7&unit=u1&page=6');
  assert.deepEqual(links.pages.map((entry) => (entry ? `${entry.number}${entry.current ? '*' : ''}` : '…')), ['1', '…', '4', '5*', '6', '…', '9']);
  assert.equal(links.pages[0]?.url, '/services/items?q=%E6%89%A7%E7%85%A7&unit=u1', 'page 1 has no page parameter');
  const single = pageLinks('/services/my', {}, 1, 1);
  assert.equal(single.show, false);
  assert.equal(single.previous, '');
  assert.equal(single.next, '');
});

test('the guide view labels every one of the 17 elements and describes materials, limits and fees', () => {
  assert.equal(Object.keys(ELEMENT_LABELS).length, Object.keys(GUIDE_ELEMENTS).length);
  const guide = serviceGuideSchema.parse({
    name: '测试许可', itemType: '01', basicCode: '000103010001', legalBasis: '依据', acceptanceConditions: '条件',
    materials: [{ key: 'form', name: '申请书', form: 'original', copies: 2, licenceType: '营业执照', blankFormFileId: '0190f5b2-0000-7000-8000-00000000000a' }, { key: 'plan', name: '平面图', required: false }],
    processDescription: '申请→受理→决定', statutoryDays: 20, promisedDays: 0, caseKind: 'immediate', charged: true, fees: [{ name: '工本费', basis: '价格文件', amount: 10 }],
    place: '一楼', hours: '工作日', consultation: '电话', complaintChannel: '12345', audiences: ['person', 'company'], visits: 0,
  });
  const view = guideView({ id: 'i1', name: '测试许可', unitName: '县市场监督管理局', basicCode: '000103010001', implementationCode: 'X000103010001', itemType: '01', versionNo: 3, publishedAt: '2025-10-09T02:00:00.000Z' }, guide, {
    steps: [{ key: 'accept', name: '受理', kind: 'accept', handledBy: 'intake', permission: 'services.cases.accept', limitDays: 0, actions: ['accept'], requiresSecondApprover: false }],
    specialProcedures: [],
  });
  assert.deepEqual(view.basics.map((row) => row.label), ['事项名称', '事项类型', '实施主体', '服务对象', '办件类型', '到现场次数', '基本编码', '实施编码']);
  assert.equal(view.basics[3]?.value, '自然人、法人');
  assert.equal(view.basics[5]?.value, '0 次（全程网办）');
  assert.equal(view.promised, '即办（当场办结）');
  assert.equal(view.statutory, '20 个工作日');
  assert.deepEqual(view.materials[0], { number: 1, name: '申请书', required: true, form: '原件', copies: '2 份', licenceType: '营业执照', blankFormUrl: '/api/files/0190f5b2-0000-7000-8000-00000000000a/content', sampleUrl: '', note: '' });
  assert.equal(view.materials[1]?.copies, '—', 'electronic materials have no paper copies');
  assert.deepEqual(view.fees, [{ name: '工本费', basis: '价格文件', amount: '10.00 元' }]);
  assert.deepEqual(view.steps, [{ name: '受理', limit: '当场' }]);
  assert.equal(view.publishedOn, '2025年10月9日');
});

test('progress view names states, drops deadlines of ended cases and explains remaining days', () => {
  const base = {
    status: 'in_progress', statusName: '办理中', outcome: null,
    steps: [{ name: '受理', state: 'done', limitDays: 1 }, { name: '审查', state: 'current', limitDays: null }],
    clock: { timeState: 'warning', caseDeadline: '2025-10-20', statutoryDeadline: '2025-10-30', stepDeadline: '2025-10-15', remainingDays: 2, pauses: [], explanation: ['说明'] },
    timeline: [{ seq: 1, typeName: '网上申请', stepName: '受理', occurredAt: '2025-10-09T01:00:00.000Z' }],
  };
  const running = progressView(base);
  assert.equal(running.timeStateName, '即将到期');
  assert.equal(running.remaining, '剩余 2 个工作日');
  assert.deepEqual(running.deadlines.map((entry) => entry.label), ['承诺办结日期', '法定办结日期', '当前环节截止日期']);
  assert.deepEqual(running.steps.map((step) => step.stateName), ['已完成', '办理中']);
  assert.equal(running.timeline[0]?.time, '2025-10-09 09:00');
  const overdue = progressView({ ...base, clock: { ...base.clock, remainingDays: -3 } });
  assert.equal(overdue.remaining, '已超期 3 个工作日');
  const ended = progressView({ ...base, status: 'concluded' });
  assert.equal(ended.remaining, '');
  assert.deepEqual(ended.deadlines.map((entry) => entry.label), ['承诺办结日期', '法定办结日期']);
});

test('form fields get input types, hints and their message', () => {
  const phone = fieldView({ key: 'phone', label: '联系电话', type: 'phone', required: true }, '199', '手机号码不正确');
  assert.deepEqual([phone.id, phone.name, phone.type, phone.autocomplete, phone.control, phone.value, phone.message], ['field-phone', 'form.phone', 'tel', 'tel', 'input', '199', '手机号码不正确']);
  assert.equal(fieldView({ key: 'scope', label: '经营项目', type: 'select', required: true, options: ['a'] }, '', '').control, 'select');
  assert.equal(fieldView({ key: 'note', label: '说明', type: 'textarea', required: false }, '', '').maxLength, 2000);
  assert.equal(fieldView({ key: 'area', label: '面积', type: 'number', required: true }, '', '').inputmode, 'decimal');
});

test('sign-in returns only to local paths', () => {
  assert.equal(safeReturnPath('/services/apply/abc'), '/services/apply/abc');
  assert.equal(safeReturnPath('/services/items?q=1'), '/services/items?q=1');
  assert.equal(safeReturnPath('/services/items?q=执照'), '/services/items?q=%E6%89%A7%E7%85%A7', 'safe in a Location header');
  for (const hostile of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/a b', '', 42, '/'.padEnd(400, 'x')]) {
    assert.equal(safeReturnPath(hostile), '/services', String(hostile));
  }
  assert.equal(signInUrl('/services/my'), '/services/sign-in?returnTo=%2Fservices%2Fmy');
});

test('the views speak English when asked: dates, working days, guide labels, progress and field hints', () => {
  assert.equal(formatDate('2025-10-09', 'en'), '9 October 2025');
  assert.equal(daysText(5, undefined, 'en'), '5 working days');
  assert.equal(daysText(1, undefined, 'en'), '1 working day');
  assert.equal(daysText(0, undefined, 'en'), 'On the spot (done while you wait)');
  assert.equal(daysText(null, undefined, 'en'), 'None');
  const guide = serviceGuideSchema.parse({
    name: '测试许可', itemType: '01', basicCode: '000103010001', legalBasis: '依据', acceptanceConditions: '条件',
    materials: [{ key: 'form', name: '申请书', form: 'original', copies: 2 }], processDescription: '申请→受理', statutoryDays: 20, promisedDays: 5,
    caseKind: 'promised', charged: true, fees: [{ name: '工本费', basis: '价格文件', amount: 10 }], place: '一楼', hours: '工作日', consultation: '电话', complaintChannel: '12345',
    audiences: ['person', 'company'], visits: 1,
  });
  const view = guideView({ id: 'i1', name: '测试许可', unitName: '县市场监督管理局', basicCode: '000103010001', implementationCode: 'X000103010001', itemType: '01', versionNo: 1, publishedAt: '2025-10-09T02:00:00.000Z' }, guide, { steps: [], specialProcedures: [] }, 'en');
  assert.deepEqual(view.basics.map((row) => row.label), ['Item name', 'Item type', 'Implementing unit', 'Who it serves', 'Case kind', 'Visits needed', 'Basic code', 'Implementation code']);
  assert.deepEqual(view.basics.map((row) => row.value).slice(0, 6), ['测试许可', 'Administrative licensing', '县市场监督管理局', 'Individuals, Legal persons', 'Promised', '1 visit'], 'stored values as stored, fixed names in English');
  assert.deepEqual([view.promised, view.statutory, view.materials[0]?.form, view.materials[0]?.copies, view.fees[0]?.amount, view.publishedOn], ['5 working days', '20 working days', 'Original', '2 copies', 'CNY 10.00', '9 October 2025']);
  const progress = progressView({
    status: 'in_progress', statusName: '办理中', outcome: null,
    steps: [{ name: '受理', state: 'done', limitDays: 0 }],
    clock: { timeState: 'overdue', caseDeadline: '2025-10-20', statutoryDeadline: null, stepDeadline: null, remainingDays: -2, pauses: [], explanation: ['说明'] },
    timeline: [{ seq: 1, typeName: 'Applied online', stepName: '受理', occurredAt: '2025-10-09T01:00:00.000Z', actorName: '工作人员' }],
  }, 'en');
  assert.deepEqual([progress.statusName, progress.timeStateName, progress.remaining, progress.steps[0]?.stateName, progress.steps[0]?.limit], ['In progress', 'Past the promised limit', '2 working days overdue', 'Done', 'on the spot']);
  assert.deepEqual(progress.deadlines, [{ label: 'Promised completion date', value: '20 October 2025' }]);
  assert.equal(progress.timeline[0]?.actor, 'Staff', 'the masked staff name is a label, translated');
  assert.equal(fieldView({ key: 'phone', label: '联系电话', type: 'phone', required: true }, '', '', 'en').hint, '11-digit mobile number');
});

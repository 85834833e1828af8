// Application forms: every problem found at once, values cleaned, unknown fields refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkApplicationForm } from './application-form.ts';
import { formFieldSchema } from './service-guide.schema.ts';

const fields = [
  { key: 'name', label: '姓名', type: 'text' },
  { key: 'id_number', label: '身份证号', type: 'resident_id' },
  { key: 'company', label: '信用代码', type: 'credit_code', required: false },
  { key: 'phone', label: '手机', type: 'phone' },
  { key: 'born', label: '出生日期', type: 'date', required: false },
  { key: 'scope', label: '经营项目', type: 'select', options: ['甲', '乙'] },
  { key: 'area', label: '面积', type: 'number', required: false },
  { key: 'note', label: '说明', type: 'textarea', required: false, maxLength: 5 },
].map((field) => formFieldSchema.parse(field));

test('a good form comes back cleaned', () => {
  const { values, problems } = checkApplicationForm(fields, { name: ' 刘洋 ', id_number: '11010519491231002x', company: '9144030071526726xg', phone: '19912100001', born: '2026-02-28', scope: '乙', area: 12.5, note: '' });
  assert.deepEqual(problems, []);
  assert.equal(values.name, '刘洋');
  assert.equal(values.id_number, '11010519491231002X');
  assert.equal(values.company, '9144030071526726XG');
  assert.equal(values.area, '12.5');
  assert.equal('note' in values, false);
});

test('every problem is reported at once', () => {
  const { problems } = checkApplicationForm(fields, { name: '', id_number: '110105194912310021', phone: '123', born: '2026-02-29', scope: '丙', area: 'many', note: '太长的说明文字', extra: 'x', company: { nested: true } });
  assert.deepEqual(problems.map((problem) => [problem.field, problem.message]), [
    ['name', '必填'],
    ['id_number', '身份证号码校验不通过'],
    ['company', '格式不正确'],
    ['phone', '手机号码不正确'],
    ['born', '须为日期（年-月-日）'],
    ['scope', '须从选项中选择'],
    ['area', '须为数字'],
    ['note', '不能超过 5 个字'],
    ['extra', '表单中没有该项'],
  ]);
});

// The complete-guide rule: all 17 elements, with the consistency checks between them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMissingGuideElements, GUIDE_ELEMENTS } from './guide-completeness.ts';
import { processFromTemplate } from './process-templates.ts';
import { processDefinitionSchema } from './process.schema.ts';
import { serviceGuideSchema } from './service-guide.schema.ts';

const process = processDefinitionSchema.parse(processFromTemplate('promised', 10));
const complete = serviceGuideSchema.parse({
  name: '养犬登记', itemType: '01', basicCode: '000106010001', legalBasis: '《示范县养犬管理条例》', acceptanceConditions: '犬只已免疫', materials: [{ key: 'photo', name: '犬只照片' }],
  processDescription: '申请→受理→审查→决定→办结', statutoryDays: 20, promisedDays: 5, place: '一楼', hours: '工作日', consultation: '0999-1', complaintChannel: '12345', audiences: ['person'], visits: 1,
});

test('a complete guide lacks nothing, and the list has the national 17 elements', () => {
  assert.deepEqual(findMissingGuideElements(complete, process, true), []);
  assert.equal(Object.keys(GUIDE_ELEMENTS).length, 17);
});

// A penalty item needs no materials from an applicant, but a discretion standard to decide within.
const standard = { violation: '无证经营', basis: '《食品安全法》第一百二十二条', circumstances: [{ code: 'minor', name: '情节轻微', fineMin: 0, fineMax: 1000 }] };

test('each missing or inconsistent element is named', () => {
  const cases: Array<[Partial<typeof complete>, boolean, string[]]> = [
    [{ legalBasis: ' ' }, true, ['legalBasis']],
    [{}, false, ['implementingUnit']],
    [{ materials: [] }, true, ['materials']],
    [{ materials: [], itemType: '02', discretion: [standard] }, true, []],
    [{ itemType: '02' }, true, ['discretion']],
    [{ promisedDays: 30 }, true, ['promisedDays']],
    [{ statutoryDays: null }, true, ['statutoryDays']],
    [{ charged: true }, true, ['fees']],
    [{ caseKind: 'immediate' }, true, ['caseKind']],
    [{ visits: null, audiences: [] }, true, ['audiences', 'visits']],
    [{ processDescription: '' }, true, ['process']],
  ];
  for (const [change, hasUnit, expected] of cases) assert.deepEqual(findMissingGuideElements({ ...complete, ...change }, process, hasUnit), expected, JSON.stringify(change));
  assert.deepEqual(findMissingGuideElements(complete, null, true), ['process']);
});

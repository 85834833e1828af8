// What the item editor and the life-event page need beyond the guide's plain fields, through HTTP: the
// discretion standard a penalty decision keeps to, blank forms and samples of materials (private while a draft,
// downloadable by anyone once published), and the console's life-event endpoints with who may use them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, completeGuide, publishItem, unitIdByName, uploadPdf } from './fixtures.ts';

let app: TestApp;
const on = testDialect();

before(async () => {
  app = await createTestApp();
});
after(() => app.close());

/** Saves the item's guide with changes, keeping its process; returns the response. */
async function saveGuide(client: ApiClient, itemId: string, change: (guide: any) => any) {
  const current = await client.get(`/api/service-items/${itemId}`);
  assert.equal(current.status, 200, JSON.stringify(current.body));
  return client.put(`/api/service-items/${itemId}`, { guide: change(structuredClone(current.body.guide)), process: current.body.process });
}

/** Submits the working version (department head) and publishes it (hall office). */
async function submitAndPublish(itemId: string): Promise<void> {
  const submitted = await (await app.signIn('chen.jing')).post(`/api/service-items/${itemId}/submit`);
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  const published = await (await app.signIn('jiang.wen')).post(`/api/service-items/${itemId}/review`, { decision: 'publish' });
  assert.equal(published.status, 200, JSON.stringify(published.body));
}

const circumstance = (code: string, fineMin: number, fineMax: number) => ({ code, name: `情形 ${code}`, fineMin, fineMax });

test(`${on}: the discretion standard is checked as the server's schema says, in Chinese and English`, async () => {
  const head = await app.signIn('chen.jing');
  const unitId = await unitIdByName(head, '县市场监督管理局');
  const penalty = (discretion: unknown[]) => ({ unitId, guide: completeGuide({ itemType: '02', discretion }) });

  const inverted = await head.post('/api/service-items', penalty([{ violation: '无证经营', basis: '《食品安全法》第一百二十二条', circumstances: [circumstance('minor', 5000, 1000)] }]));
  assert.equal(inverted.status, 400);
  assert.deepEqual(inverted.body.error.issues, [{ path: 'guide.discretion.0.circumstances.0.fineMax', message: '罚款上限不能低于下限' }]);
  head.language = 'en';
  const invertedEn = await head.post('/api/service-items', penalty([{ violation: '无证经营', basis: '《食品安全法》', circumstances: [circumstance('minor', 5000, 1000)] }]));
  assert.equal(invertedEn.body.error.issues[0].message, 'the maximum fine is below the minimum');
  head.language = 'zh-CN';

  // A decision names only the code, so one code in two violations would be two ranges under one name.
  const duplicate = await head.post('/api/service-items', penalty([
    { violation: '无证经营', basis: '第一百二十二条', circumstances: [circumstance('minor', 0, 100)] },
    { violation: '未查验', basis: '第一百二十六条', circumstances: [circumstance('major', 100, 200), circumstance('minor', 0, 0)] },
  ]));
  assert.equal(duplicate.status, 400);
  assert.equal(duplicate.body.error.issues[0].path, 'guide.discretion.1.circumstances.1.code');
  assert.match(duplicate.body.error.issues[0].message, /情形编码 minor 重复/);

  const empty = await head.post('/api/service-items', penalty([{ violation: '无证经营', basis: '第一百二十二条', circumstances: [] }]));
  assert.equal(empty.status, 400);
  assert.deepEqual(empty.body.error.issues, [{ path: 'guide.discretion.0.circumstances', message: '每项违法行为至少有一种情形' }]);
  const tooPrecise = await head.post('/api/service-items', penalty([{ violation: '无证经营', basis: '第一百二十二条', circumstances: [circumstance('minor', 0.001, 1)] }]));
  assert.equal(tooPrecise.status, 400, 'fines have at most two decimals, as a decision does');
  const missingViolation = await head.post('/api/service-items', penalty([{ violation: ' ', basis: '第一百二十二条', circumstances: [circumstance('minor', 0, 1)] }]));
  assert.equal(missingViolation.body.error.issues[0].path, 'guide.discretion.0.violation');

  // A penalty item without a standard is saved as a draft but cannot go to review.
  const withoutStandard = await head.post('/api/service-items', penalty([]));
  assert.equal(withoutStandard.status, 200, JSON.stringify(withoutStandard.body));
  assert.ok(withoutStandard.body.missing.some((entry: { element: string }) => entry.element === 'discretion'), JSON.stringify(withoutStandard.body.missing));
  const submitted = await head.post(`/api/service-items/${withoutStandard.body.id}/submit`, {});
  assert.equal(submitted.status, 400);
  assert.match(submitted.body.error.message, /裁量基准/);
});

test(`${on}: what staff save as the discretion standard is what the decide step accepts`, async () => {
  const catalogue = await app.client().get('/api/public/service-items?itemType=02&pageSize=10');
  const item = catalogue.body.items.find((candidate: { unitName: string }) => candidate.unitName === '县市场监督管理局');
  const head = await app.signIn('chen.jing');
  const standard = [
    { violation: '未取得食品经营许可从事食品经营活动', basis: '《中华人民共和国食品安全法》第一百二十二条', circumstances: [circumstance('first_offence', 50_000, 65_000), circumstance('repeat_offence', 85_000, 100_000)] },
    { violation: '未按规定建立进货查验记录制度', basis: '《中华人民共和国食品安全法》第一百二十六条', circumstances: [circumstance('records_refused', 5_000, 20_000)] },
  ];
  const saved = await saveGuide(head, item.id, (guide) => ({ ...guide, discretion: standard }));
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.deepEqual(saved.body.guide.discretion, standard);
  await submitAndPublish(item.id);
  assert.deepEqual((await app.client().get(`/api/public/service-items/${item.id}`)).body.guide.discretion, standard);

  const officer = await app.signIn('yang.lei');
  const guide = (await app.client().get(`/api/public/service-items/${item.id}`)).body.guide;
  const form = Object.fromEntries(guide.form.map((field: { key: string; type: string }) => [field.key, field.type === 'phone' ? '19912100001' : '示例']));
  const registered = await officer.post('/api/cases/walk-in', { itemId: item.id, applicant: { kind: 'company', name: '某食品店', idNumber: '9144030071526726XG' }, form });
  assert.equal(registered.status, 200, JSON.stringify(registered.body));
  for (const [client, command] of [[head, { action: 'accept', opinion: '予以立案' }], [officer, { action: 'forward', opinion: '已取证' }], [officer, { action: 'forward', opinion: '已告知' }]] as const) {
    assert.equal((await act(client, registered.body.id, command)).status, 200, JSON.stringify(command));
  }
  const decide = (code: string, amount: number) => act(head, registered.body.id, { action: 'penalize', circumstance: code, amount, opinion: '责令改正并罚款', legalBasis: standard[1]!.basis });
  assert.equal((await decide('unchecked_general', 10_000)).body.error.code, 'CASE_CIRCUMSTANCE_UNKNOWN', 'the replaced standard no longer applies');
  const outOfRange = await decide('records_refused', 25_000);
  assert.equal(outOfRange.body.error.code, 'CASE_FINE_OUT_OF_RANGE');
  assert.match(outOfRange.body.error.message, /5000–20000 元/);
  const fined = await decide('records_refused', 12_000.5);
  assert.equal(fined.status, 200, JSON.stringify(fined.body));
});

test(`${on}: a material's blank form and sample: attached on save, private in a draft, public once published, refused when not the editor's`, async () => {
  const itemId = await publishItem(app, completeGuide({ name: '测试表格下载事项' }));
  const head = await app.signIn('chen.jing');
  const anonymous = app.client();
  const blankFormId = await uploadPdf(head, '食品经营许可申请书（空白）.pdf');
  const sampleId = await uploadPdf(head, '食品经营许可申请书（样表）.pdf');
  const saved = await saveGuide(head, itemId, (guide) => {
    guide.materials[0] = { ...guide.materials[0], blankFormFileId: blankFormId, sampleFileId: sampleId };
    return guide;
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.version.versionNo, 2);
  assert.deepEqual(saved.body.files.map((file: { id: string; originalName: string }) => [file.id, file.originalName]).sort(), [[blankFormId, '食品经营许可申请书（空白）.pdf'], [sampleId, '食品经营许可申请书（样表）.pdf']].sort());

  // A draft's forms are not public yet; staff of the unit read them.
  assert.equal((await anonymous.get(`/api/files/${blankFormId}/content`)).status, 404);
  assert.equal((await (await app.signIn('yang.lei')).get(`/api/files/${blankFormId}/content`)).status, 200, 'a colleague of the unit reads them');
  assert.equal((await (await app.signIn('huang.yong')).get(`/api/files/${blankFormId}`)).status, 404, 'another unit does not');
  // Saving again keeps the files where they are (they are the item's own now).
  assert.equal((await saveGuide(head, itemId, (guide) => ({ ...guide, hours: '工作日 9:00—17:30' }))).status, 200);

  await submitAndPublish(itemId);
  const download = await anonymous.get(`/api/files/${blankFormId}/content`);
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  assert.match(download.headers.get('content-disposition') ?? '', /attachment/);
  assert.deepEqual(download.body, samplePdf());
  const page = await anonymous.get(`/services/items/${itemId}`, { accept: 'text/html' });
  assert.ok(String(page.body).includes(`/api/files/${blankFormId}/content`), 'the public guide links the blank form');
  assert.ok(String(page.body).includes(`/api/files/${sampleId}/content`), 'and the sample');

  // Replaced in a new version: the new form is private until that version is published; removing clears the field.
  const replacementId = await uploadPdf(head, '新版申请书.pdf');
  const replaced = await saveGuide(head, itemId, (guide) => {
    guide.materials[0] = { ...guide.materials[0], blankFormFileId: replacementId, sampleFileId: null };
    return guide;
  });
  assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
  assert.deepEqual([replaced.body.guide.materials[0].blankFormFileId, replaced.body.guide.materials[0].sampleFileId], [replacementId, null]);
  assert.equal((await anonymous.get(`/api/files/${replacementId}/content`)).status, 404);
  await submitAndPublish(itemId);
  assert.equal((await anonymous.get(`/api/files/${replacementId}/content`)).status, 200);

  // A retired item's forms are no longer public.
  assert.equal((await (await app.signIn('jiang.wen')).post(`/api/service-items/${itemId}/retire`, { reason: '事项取消' })).status, 200);
  assert.equal((await anonymous.get(`/api/files/${replacementId}/content`)).status, 404);
  assert.equal((await head.get(`/api/files/${replacementId}/content`)).status, 200);
});

test(`${on}: a file that is not the editor's fresh upload or the item's own is refused with the material named`, async () => {
  const itemId = await publishItem(app, completeGuide({ name: '测试表格校验事项' }));
  const head = await app.signIn('chen.jing');
  const colleagueUpload = await uploadPdf(await app.signIn('yang.lei'));
  const citizen = await app.signIn('liu.yang');
  const receipt = await applyFor(citizen, (await publishItem(app)));
  const caseFile = (await head.get(`/api/cases/${receipt.id}`)).body;
  const useFile = (fileId: string, field = 'sampleFileId') => saveGuide(head, itemId, (guide) => {
    guide.materials[1] = { ...guide.materials[1], [field]: fileId };
    return guide;
  });

  const notMine = await useFile(colleagueUpload);
  assert.equal(notMine.status, 400);
  assert.equal(notMine.body.error.code, 'ITEM_FILE_UNUSABLE');
  assert.equal(notMine.body.error.message, '材料“经营场所平面布局图”的示例样表不可用：须是您刚上传的文件或本事项已有的文件');
  assert.equal(notMine.body.error.issues[0].path, 'guide.materials.1.sampleFileId');
  head.language = 'en';
  const notMineEn = await useFile(colleagueUpload, 'blankFormFileId');
  assert.match(notMineEn.body.error.message, /The blank form of material "经营场所平面布局图" cannot be used/);
  head.language = 'zh-CN';
  assert.equal((await useFile('0190f5b2-0000-7000-8000-00000000000a')).status, 400, 'an id that is no file');
  const materialFileId = caseFile.materials[0].fileId;
  assert.ok(materialFileId, JSON.stringify(caseFile.materials));
  assert.equal((await head.get(`/api/files/${materialFileId}`)).status, 200, 'the head may read the case file…');
  assert.equal((await useFile(materialFileId)).status, 400, '…but it is not an upload of theirs to attach');
  assert.equal((await useFile('not-a-uuid')).status, 400);
  assert.equal((await head.get(`/api/service-items/${itemId}`)).body.version.versionNo, 1, 'nothing was saved');

  // Uploading straight onto a version: only a draft of an item the uploader may edit.
  const published = (await head.get(`/api/service-items/${itemId}`)).body.version.id;
  const form = new FormData();
  form.append('ownerType', 'service_item_version');
  form.append('ownerId', published);
  form.append('file', new Blob([samplePdf()], { type: 'application/pdf' }), 'a.pdf');
  assert.equal((await head.post('/api/files', form)).status, 404, 'a published version takes no new files');
  const other = await app.signIn('huang.yong');
  const otherUpload = await uploadPdf(other);
  assert.equal((await other.put(`/api/service-items/${itemId}`, { guide: (await head.get(`/api/service-items/${itemId}`)).body.guide, process: (await head.get(`/api/service-items/${itemId}`)).body.process })).status, 403);
  assert.equal((await saveGuide(head, itemId, (guide) => ({ ...guide, materials: guide.materials.map((m: object, i: number) => (i === 0 ? { ...m, blankFormFileId: otherUpload } : m)) }))).status, 400);
});

test(`${on}: the console's life events: list with items, change, delete; only the hall office changes them`, async () => {
  const hallOffice = await app.signIn('jiang.wen');
  const listed = await hallOffice.get('/api/life-events');
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  assert.equal(listed.body.can.manage, true);
  const restaurant = listed.body.items.find((event: { code: string }) => event.code === 'open_restaurant');
  assert.ok(restaurant.items.length >= 2 && restaurant.items.every((item: { name: string; unitName: string; status: string }) => item.name && item.unitName && item.status === 'published'));
  assert.deepEqual(restaurant.itemIds, restaurant.items.map((item: { id: string }) => item.id));

  const head = await app.signIn('chen.jing');
  const seen = await head.get('/api/life-events');
  assert.equal(seen.status, 200);
  assert.equal(seen.body.can.manage, false, 'departments read, the hall office manages');
  assert.equal((await (await app.signIn('liu.yang')).get('/api/life-events')).status, 403);
  assert.equal((await app.client().get('/api/life-events')).status, 401);

  const itemId = await publishItem(app, completeGuide({ name: '测试面包店事项' }));
  const created = await hallOffice.post('/api/life-events', { code: 'open_bakery_two', name: '我要开面包店', audience: 'company', description: '开面包店', sortOrder: 50, itemIds: [itemId, restaurant.itemIds[0]] });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.id;

  // Changed by id: code, name, order of the items.
  const changed = await hallOffice.put(`/api/life-events/${id}`, { code: 'open_bakery_shop', name: '我要开烘焙店', nameEn: 'Open a bakery', audience: 'company', description: '开烘焙店需要办理的事项', sortOrder: 40, itemIds: [restaurant.itemIds[0], itemId] });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.deepEqual([changed.body.code, changed.body.name, changed.body.itemIds], ['open_bakery_shop', '我要开烘焙店', [restaurant.itemIds[0], itemId]]);
  const publicList = await app.client().get('/api/public/life-events');
  assert.ok(publicList.body.items.some((event: { code: string; itemCount: number }) => event.code === 'open_bakery_shop' && event.itemCount === 2));

  const taken = await hallOffice.put(`/api/life-events/${id}`, { code: 'open_restaurant', name: '我要开烘焙店', audience: 'company', itemIds: [] });
  assert.equal(taken.status, 409);
  assert.equal(taken.body.error.message, '编码 open_restaurant 已被其他“一件事”使用');
  const badCode = await hallOffice.put(`/api/life-events/${id}`, { code: 'Bakery Shop', name: '我', audience: 'nobody', itemIds: ['x'] });
  assert.equal(badCode.status, 400);
  const messages = Object.fromEntries(badCode.body.error.issues.map((issue: { path: string; message: string }) => [issue.path, issue.message]));
  assert.equal(messages['code'], '编码为小写字母开头的字母、数字或下划线');
  assert.ok(messages['name'] && messages['audience'] && messages['itemIds.0'], JSON.stringify(messages));
  hallOffice.language = 'en';
  const badCodeEn = await hallOffice.put(`/api/life-events/${id}`, { code: 'Bakery Shop', name: '我要开烘焙店', audience: 'company' });
  assert.equal(badCodeEn.body.error.issues[0].message, 'the code is lower-case letters, digits or _');
  hallOffice.language = 'zh-CN';

  // A draft cannot join; an item retired after it joined may stay until removed.
  const draft = await head.post('/api/service-items', { unitId: await unitIdByName(head, '县市场监督管理局'), guide: completeGuide({ name: '测试草稿事项' }) });
  const withDraft = await hallOffice.put(`/api/life-events/${id}`, { ...changed.body, itemIds: [itemId, draft.body.id] });
  assert.equal(withDraft.status, 400);
  assert.equal(withDraft.body.error.message, '只能加入已发布的事项，以下事项未发布：测试草稿事项');
  assert.equal((await hallOffice.post(`/api/service-items/${itemId}/retire`, { reason: '事项取消' })).status, 200);
  const keptRetired = await hallOffice.put(`/api/life-events/${id}`, { ...changed.body, name: '我要开烘焙店（新）' });
  assert.equal(keptRetired.status, 200, JSON.stringify(keptRetired.body));
  const entry = (await hallOffice.get('/api/life-events')).body.items.find((event: { id: string }) => event.id === id);
  assert.deepEqual(entry.items.map((item: { status: string }) => item.status), ['published', 'retired']);

  // Departments change nothing; unknown ids are 404.
  assert.equal((await head.put(`/api/life-events/${id}`, changed.body)).status, 403);
  assert.equal((await head.delete(`/api/life-events/${id}`)).status, 403);
  assert.equal((await hallOffice.put('/api/life-events/0190f5b2-0000-7000-8000-00000000000a', changed.body)).status, 404);

  assert.equal((await hallOffice.delete(`/api/life-events/${id}`)).status, 200);
  assert.equal((await hallOffice.get(`/api/life-events/${id}`)).status, 404);
  assert.equal((await hallOffice.delete(`/api/life-events/${id}`)).status, 404);
  assert.ok(!(await app.client().get('/api/public/life-events')).body.items.some((event: { id: string }) => event.id === id));
  assert.equal((await app.client().get(`/api/public/service-items/${restaurant.itemIds[0]}`)).status, 200, 'the items stay');

  const audit = await (await app.signIn('auditadmin')).get('/api/audit?pageSize=100&action=services.life_event.update');
  assert.ok(audit.body.items.some((record: { subjectId: string }) => record.subjectId === id), 'changes are audited');
  const deletion = await (await app.signIn('auditadmin')).get('/api/audit?pageSize=100&action=services.life_event.delete');
  assert.ok(deletion.body.items.some((record: { subjectId: string }) => record.subjectId === id), 'the deletion too');
});

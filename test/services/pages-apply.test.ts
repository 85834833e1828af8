// Applying through the hall's pages, as a person with a browser would without JavaScript: sign in, fill the
// form and upload the materials (multipart), get the receipt, see the case, supply what a supplement request
// asked for, withdraw — with the form's CSRF field, the idempotency key and field-by-field errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, concludeCase, publishItem } from './fixtures.ts';

let app: TestApp;
let itemId: string;
const on = testDialect();

before(async () => {
  app = await createTestApp();
  itemId = await publishItem(app);
});
after(() => app.close());

function postForm(client: ApiClient, url: string, fields: Record<string, string>) {
  return client.request<string>('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
}

function hiddenValue(html: string, name: string): string {
  const value = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];
  assert.ok(value !== undefined, `hidden field ${name}`);
  return value;
}

async function signInByPage(username: string, accountKind = 'citizen'): Promise<ApiClient> {
  const client = app.client();
  const response = await postForm(client, '/services/sign-in', { username, password: DEMO_PASSWORD, accountKind, returnTo: '/services' });
  assert.equal(response.status, 303, String(response.body).slice(0, 300));
  return client;
}

const pdf = (name: string) => [new Blob([new Uint8Array(samplePdf(name))], { type: 'application/pdf' }), `${name}.pdf`] as const;

/** The application form as a browser sends it: the hidden fields first, then the inputs, then the files. */
function applicationForm(csrf: string, key: string, values: Record<string, string>, files: Record<string, Array<readonly [Blob, string]>> = {}, extra: Array<[string, string]> = []): FormData {
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('idempotencyKey', key);
  for (const [name, value] of Object.entries(values)) form.append(`form.${name}`, value);
  for (const [name, value] of extra) form.append(name, value);
  for (const material of ['application_form', 'site_plan', 'other']) {
    const chosen = files[material] ?? [];
    if (chosen.length === 0) form.append(`material.${material}`, new Blob([]), '');
    for (const [blob, name] of chosen) form.append(`material.${material}`, blob, name);
  }
  return form;
}

const GOOD = { shop_name: '城南便民超市', contact_phone: '19912100001', business_scope: '预包装食品销售' };

test(`${on}: the apply page asks for sign-in, then shows every field with its label and the materials with file inputs`, async () => {
  const anonymous = await app.client().get(`/services/apply/${itemId}`);
  assert.equal(anonymous.status, 303);
  assert.equal(anonymous.headers.get('location'), `/services/sign-in?returnTo=%2Fservices%2Fapply%2F${itemId}`);

  const citizen = await signInByPage('liu.yang');
  const page = await citizen.get(`/services/apply/${itemId}`);
  assert.equal(page.status, 200);
  const html: string = page.body;
  assert.match(html, /<form class="panel apply-form" method="post" action="\/services\/apply\/[0-9a-f-]+" enctype="multipart\/form-data" novalidate>\s*<input type="hidden" name="_csrf" value="[^"]+">/);
  assert.match(hiddenValue(html, 'idempotencyKey'), /^[0-9a-f-]{36}$/);
  assert.match(html, /<label for="field-shop_name">店铺名称<span class="required-mark" aria-hidden="true">\*<\/span><span class="visually-hidden">（必填）<\/span><\/label>/);
  assert.match(html, /<input id="field-contact_phone" name="form.contact_phone" type="tel" value="19912100001"/, 'the phone comes from the account');
  assert.match(html, /<select id="field-business_scope" name="form.business_scope" required/);
  assert.match(html, /<label for="material-site_plan">经营场所平面布局图/);
  assert.match(html, /<input id="material-site_plan" name="material.site_plan" type="file" multiple/);
  assert.match(html, /<label for="material-other">其他说明材料<span class="optional-mark">（选填）<\/span>/);

  const company = await signInByPage('shifan.nongye', 'company');
  assert.equal((await company.get(`/services/apply/${itemId}`)).status, 200, 'the test item serves companies too');
  assert.equal((await citizen.get('/services/apply/0190f5b2-0000-7000-8000-000000000000')).status, 404);
});

test(`${on}: a citizen applies end to end; mistakes come back field by field with what was typed; a double submit gives one case`, async () => {
  const api = await app.signIn('liu.yang');
  const casesBefore: number = (await api.get('/api/my/cases')).body.total;
  const citizen = await signInByPage('liu.yang');
  const form = (await citizen.get(`/services/apply/${itemId}`)).body as string;
  const csrf = hiddenValue(form, '_csrf');
  const key = hiddenValue(form, 'idempotencyKey');

  // Shop name missing, a bad phone, and only one of the two required materials.
  const wrong = await citizen.post(`/services/apply/${itemId}`, applicationForm(csrf, key, { shop_name: '', contact_phone: '12345', business_scope: '散装食品销售' }, { application_form: [pdf('申请书')] }));
  assert.equal(wrong.status, 400, String(wrong.body).slice(0, 400));
  const page: string = wrong.body;
  assert.match(page, /<h2 id="error-summary-title">提交未成功，请修改以下内容<\/h2>/);
  assert.match(page, /<a href="#field-shop_name">店铺名称：请填写店铺名称<\/a>/);
  assert.match(page, /<a href="#field-contact_phone">联系电话：手机号码不正确<\/a>/);
  assert.match(page, /<a href="#material-site_plan">请上传“经营场所平面布局图”<\/a>/);
  assert.match(page, /id="field-contact_phone" name="form.contact_phone" type="tel" value="12345"[^>]*aria-invalid="true"/);
  assert.match(page, /<option value="散装食品销售" selected>/, 'the choice is kept');
  const kept = /<input type="checkbox" name="kept.application_form" value="([0-9a-f-]{36}\/[^"]+)" checked> 已上传：申请书.pdf/.exec(page)?.[1];
  assert.ok(kept, 'the uploaded application form is kept');
  assert.equal(hiddenValue(page, 'idempotencyKey'), key, 'the same key stays in the form');

  // Fixed: the kept file and one new upload; the second identical post gives the same receipt.
  const fixed = () => citizen.post(`/services/apply/${itemId}`, applicationForm(csrf, key, GOOD, { site_plan: [pdf('平面图')] }, [['kept.application_form', kept]]));
  const first = await fixed();
  assert.equal(first.status, 303, String(first.body).slice(0, 600));
  const receiptUrl = first.headers.get('location') ?? '';
  assert.match(receiptUrl, /^\/services\/my\/[0-9a-f-]{36}\/receipt$/);
  const again = await fixed();
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), receiptUrl, 'a double submit answers with the same receipt');

  const receipt = await citizen.get(receiptUrl);
  assert.equal(receipt.status, 200);
  const caseNumber = /<dt>办件编号<\/dt><dd>([^<]+)<\/dd>/.exec(receipt.body)?.[1];
  const queryCode = /<dt>查询码<\/dt><dd>(\d{6})<\/dd>/.exec(receipt.body)?.[1];
  assert.ok(caseNumber && queryCode, 'the receipt shows the case number and the query code');

  const mine = await citizen.get('/services/my');
  assert.equal(mine.status, 200);
  assert.equal((mine.body.match(new RegExp(caseNumber, 'g')) ?? []).length, 2, 'listed once (number and hidden link text)');
  assert.ok(mine.body.includes(`共 <strong>${casesBefore + 1}</strong> 件申请`), 'one more case');
  const caseUrl = receiptUrl.replace(/\/receipt$/, '');
  const detail = await citizen.get(caseUrl);
  assert.equal(detail.status, 200);
  assert.match(detail.body, /申请书.pdf/);
  assert.match(detail.body, /平面图.pdf/);
  assert.match(detail.body, /<th scope="row">店铺名称<\/th><td>城南便民超市<\/td>/);
  assert.match(detail.body, /<ol class="progress-steps">/);

  const cases = await api.get('/api/my/cases');
  assert.equal(cases.body.total, casesBefore + 1, 'one case for two posts');

  const lookup = await postForm(app.client(), '/services/lookup', { caseNumber, queryCode });
  assert.equal(lookup.status, 200);
});

test(`${on}: multipart and plain forms need the session's _csrf field`, async () => {
  const citizen = await signInByPage('liu.yang');
  const form = (await citizen.get(`/services/apply/${itemId}`)).body as string;
  const key = hiddenValue(form, 'idempotencyKey');
  const forged = await citizen.post(`/services/apply/${itemId}`, applicationForm('not-the-token', key, GOOD, { application_form: [pdf('a')], site_plan: [pdf('b')] }));
  assert.equal(forged.status, 403);
  const inBrowser = await citizen.request('POST', '/services/sign-out', new URLSearchParams({ _csrf: 'wrong' }).toString(), { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(inBrowser.status, 403);
  assert.match(String(inBrowser.body), /<h1 class="page-title" id="error-title">无权进行此操作<\/h1>/, 'a browser gets a page, not JSON');
  assert.match(String(inBrowser.body), /网站标识码|主办单位/, 'inside the site layout');

  assert.equal((await postForm(citizen, '/services/sign-out', {})).status, 403, 'sign-out without the token is refused');
  const out = await postForm(citizen, '/services/sign-out', { _csrf: hiddenValue(form, '_csrf') });
  assert.equal(out.status, 303);
  assert.equal(out.headers.get('location'), '/services');
  assert.equal((await citizen.get('/services/my')).status, 303, 'signed out');
});

test(`${on}: the applicant supplies what a supplement request listed, and can withdraw`, async () => {
  const citizen = await signInByPage('liu.yang');
  const form = (await citizen.get(`/services/apply/${itemId}`)).body as string;
  const csrf = hiddenValue(form, '_csrf');
  const submitted = await citizen.post(`/services/apply/${itemId}`, applicationForm(csrf, hiddenValue(form, 'idempotencyKey'), GOOD, { application_form: [pdf('申请书')], site_plan: [pdf('平面图')] }));
  assert.equal(submitted.status, 303, String(submitted.body).slice(0, 400));
  const caseUrl = (submitted.headers.get('location') ?? '').replace(/\/receipt$/, '');
  const caseId = caseUrl.split('/').at(-1)!;

  const window = await app.signIn('deng.xiao');
  const requested = await act(window, caseId, { action: 'request_supplement', items: [{ materialKey: 'site_plan', name: '经营场所平面布局图', requirement: '须标明面积' }] });
  assert.equal(requested.status, 200, JSON.stringify(requested.body));

  const detail = await citizen.get(caseUrl);
  assert.match(detail.body, /待补正/);
  assert.match(detail.body, /<h2 id="supply-title" class="panel-title">补正材料（一次性告知）<\/h2>/);
  assert.match(detail.body, /<strong>经营场所平面布局图<\/strong>：须标明面积/);
  assert.match(detail.body, /<label for="supply-1">上传：经营场所平面布局图<\/label>/);
  const version = hiddenValue(detail.body.slice(detail.body.indexOf('/supply"')), 'version');

  const empty = new FormData();
  empty.append('_csrf', csrf);
  empty.append('version', version);
  empty.append('supply.site_plan', new Blob([]), '');
  const nothing = await citizen.post(`${caseUrl}/supply`, empty);
  assert.equal(nothing.status, 400);
  assert.match(nothing.body, /请选择要上传的补正材料/);

  const supply = new FormData();
  supply.append('_csrf', csrf);
  supply.append('version', version);
  supply.append('note', '已标明面积');
  supply.append('supply.site_plan', ...pdf('平面图-标注面积'));
  const supplied = await citizen.post(`${caseUrl}/supply`, supply);
  assert.equal(supplied.status, 303, String(supplied.body).slice(0, 400));
  assert.equal(supplied.headers.get('location'), `${caseUrl}?done=supplied`);
  const after = await citizen.get(`${caseUrl}?done=supplied`);
  assert.match(after.body, /补正材料已提交/);
  assert.match(after.body, /平面图-标注面积.pdf（补正材料/);
  assert.ok(!after.body.includes('id="supply-title"'), 'no second supply form');

  const withdrawVersion = hiddenValue(after.body.slice(after.body.indexOf('/withdraw"')), 'version');
  const noReason = await postForm(citizen, `${caseUrl}/withdraw`, { _csrf: csrf, version: withdrawVersion, reason: '' });
  assert.equal(noReason.status, 400);
  assert.match(noReason.body, /请填写撤回原因/);
  const withdrawn = await postForm(citizen, `${caseUrl}/withdraw`, { _csrf: csrf, version: withdrawVersion, reason: '经营场所变更，重新申请' });
  assert.equal(withdrawn.status, 303, String(withdrawn.body).slice(0, 400));
  const final = await citizen.get(`${caseUrl}?done=withdrawn`);
  assert.match(final.body, /申请已撤回/);
  assert.match(final.body, /<p class="status-badge status-withdrawn">已撤回<\/p>/);

  const stranger = await signInByPage('shifan.nongye', 'company');
  assert.equal((await stranger.get(caseUrl)).status, 404, 'another account does not see the case');
});

test(`${on}: after the case ends the applicant downloads its notices and rates it once on the page`, async () => {
  const citizen = await signInByPage('wang.haoran');
  const form = (await citizen.get(`/services/apply/${itemId}`)).body as string;
  const csrf = hiddenValue(form, '_csrf');
  const submitted = await citizen.post(`/services/apply/${itemId}`, applicationForm(csrf, hiddenValue(form, 'idempotencyKey'), GOOD, { application_form: [pdf('申请书')], site_plan: [pdf('平面图')] }));
  const caseUrl = (submitted.headers.get('location') ?? '').replace(/\/receipt$/, '');
  const caseId = caseUrl.split('/').at(-1)!;
  assert.doesNotMatch((await citizen.get(caseUrl)).body as string, /服务评价（好差评）/, 'no rating before the case ends');
  await concludeCase(app, caseId);

  const page = (await citizen.get(caseUrl)).body as string;
  assert.match(page, /<a href="\/api\/my\/cases\/[0-9a-f-]+\/notices\/approval">准予行政许可决定书（PDF）<\/a>/);
  assert.match(page, /服务评价（好差评）/);
  const notice = await citizen.get(`/api/my/cases/${caseId}/notices/acceptance`);
  assert.equal(notice.headers.get('content-type'), 'application/pdf');

  const missing = await postForm(citizen, `${caseUrl}/rating`, { _csrf: csrf, comment: '等太久' });
  assert.equal(missing.status, 400);
  assert.match(missing.body as string, /请选择评价等级/);
  assert.match(missing.body as string, /等太久/, 'the comment is kept');
  const rated = await postForm(citizen, `${caseUrl}/rating`, { _csrf: csrf, level: 'dissatisfied', comment: '等太久' });
  assert.equal(rated.status, 303);
  const after = (await citizen.get(`${caseUrl}?done=rated`)).body as string;
  assert.match(after, /感谢您的评价/);
  assert.match(after, /<dd>不满意<\/dd>/);
  assert.doesNotMatch(after, /name="level"/, 'one rating per case');
  const head = await app.signIn('chen.jing');
  assert.ok((await head.get('/api/rectifications?status=open')).body.items.some((item: { caseId: string }) => item.caseId === caseId));
});

test(`${on}: a half-filled application is saved as a draft, resumed from 我的办件 with its files, then submitted`, async () => {
  const citizen = await signInByPage('chen.xiuying');
  const form = (await citizen.get(`/services/apply/${itemId}`)).body as string;
  const csrf = hiddenValue(form, '_csrf');
  const saved = await citizen.post(`/services/apply/${itemId}`, applicationForm(csrf, hiddenValue(form, 'idempotencyKey'), { shop_name: '老街包子铺', contact_phone: '', business_scope: '' }, { application_form: [pdf('申请书')] }, [['intent', 'draft']]));
  assert.equal(saved.status, 303, String(saved.body).slice(0, 300));
  const resumeUrl = saved.headers.get('location') ?? '';
  assert.match(resumeUrl, /^\/services\/apply\/[0-9a-f-]+\?draft=[0-9a-f-]+&saved=1$/);

  const my = (await citizen.get('/services/my')).body as string;
  assert.match(my, /继续填写：测试食品经营许可/);
  const resumed = (await citizen.get(resumeUrl)).body as string;
  assert.match(resumed, /草稿已保存/);
  assert.match(resumed, /value="老街包子铺"/);
  assert.match(resumed, /已上传：申请书\.pdf/);
  const draftId = hiddenValue(resumed, 'draftId');
  const kept = /name="kept\.application_form" value="([^"]+)"/.exec(resumed)?.[1] ?? '';

  const submitted = await citizen.post(`/services/apply/${itemId}`, applicationForm(csrf, hiddenValue(resumed, 'idempotencyKey'), GOOD, { site_plan: [pdf('平面图')] }, [['draftId', draftId], ['kept.application_form', kept]]));
  assert.equal(submitted.status, 303, String(submitted.body).slice(0, 600));
  assert.match(submitted.headers.get('location') ?? '', /\/receipt$/);
  assert.doesNotMatch((await citizen.get('/services/my')).body as string, /继续填写/, 'the draft is gone once submitted');
});

/** Rows in the files table: every stored upload is one. */
async function countFileRows(): Promise<number> {
  const { n } = await app.platform.database.db.selectFrom('files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

test(`${on}: the same application posted again, one after the other or both at once, stores no file twice and answers with the first receipt`, async () => {
  const citizen = await signInByPage('zhang.yuting');
  const form = (await citizen.get(`/services/apply/${itemId}`)).body as string;
  const csrf = hiddenValue(form, '_csrf');
  const post = (key: string) => citizen.post(`/services/apply/${itemId}`, applicationForm(csrf, key, GOOD, { application_form: [pdf('申请书')], site_plan: [pdf('平面图'), pdf('平面图-2')] }));

  const before = await countFileRows();
  const first = await post(hiddenValue(form, 'idempotencyKey'));
  assert.equal(first.status, 303, String(first.body).slice(0, 400));
  const receiptUrl = first.headers.get('location');
  assert.match(receiptUrl ?? '', /^\/services\/my\/[0-9a-f-]{36}\/receipt$/);
  assert.equal(await countFileRows(), before + 3, 'the first post stores its three files');

  const again = await post(hiddenValue(form, 'idempotencyKey'));
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), receiptUrl, 'the repeated post answers with the same receipt');
  assert.equal(await countFileRows(), before + 3, 'the repeated post stores nothing');

  // A double click: both posts of a fresh form arrive before either has finished.
  const fresh = hiddenValue((await citizen.get(`/services/apply/${itemId}`)).body as string, 'idempotencyKey');
  const racing = await Promise.all([post(fresh), post(fresh)]);
  assert.deepEqual(racing.map((response) => response.status), [303, 303]);
  assert.equal(racing[0]?.headers.get('location'), racing[1]?.headers.get('location'), 'both answer with one receipt');
  assert.notEqual(racing[0]?.headers.get('location'), receiptUrl, 'a new form is a new application');
  assert.equal(await countFileRows(), before + 6, 'the racing pair stored one set of files');
});

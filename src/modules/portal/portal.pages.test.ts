import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { registerPortalPages, renderNotFound, type PortalPageDeps } from './portal.pages.ts';
import { STUB_SITE, stubPortalDeps } from './portal.stubs.ts';

async function buildApp(overrides: Partial<PortalPageDeps> = {}) {
  const app = Fastify();
  registerPortalPages(app, stubPortalDeps(overrides));
  await app.ready();
  return app;
}

test('home page renders the frame, the entry blocks and every footer identification element', async (t) => {
  const app = await buildApp();
  t.after(() => app.close());
  const res = await app.inject('/');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  const html = res.body;
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /<a class="skip-link" href="#main">跳到主要内容<\/a>/);
  assert.match(html, /<main id="main"/);
  assert.match(html, /<body class="mode-standard">/);
  assert.match(html, /href="\/\?mode=elderly"[^>]*>[\s\S]*?长者模式<\/a>/);
  for (const [url, title] of [['/', '首页'], ['/services', '网上办事'], ['/disclosure', '政府信息公开'], ['/interaction', '政民互动'], ['/sitemap', '网站地图']] as const) {
    assert.ok(html.includes(`href="${url}"`), `header links to ${url}`);
    assert.ok(html.includes(`>${title}</a>`), `header shows ${title}`);
  }
  assert.ok(html.includes(STUB_SITE.name));
  // 国办发〔2017〕47号 footer identification.
  assert.ok(html.includes(`主办单位：${STUB_SITE.sponsor}`));
  assert.ok(html.includes(STUB_SITE.address));
  assert.ok(html.includes(STUB_SITE.phone));
  assert.ok(html.includes(`网站标识码：${STUB_SITE.siteCode}`));
  assert.match(html, /<a[^>]*href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*>示ICP备00000001号<\/a>/);
  assert.match(html, /<a[^>]*href="https:\/\/beian\.mps\.gov\.cn\/#\/query\/webSearch\?code=00000000000001"[^>]*>[\s\S]*?示公网安备00000000000001号<\/a>/);
  assert.match(html, /<a class="conac-badge" href="https:\/\/bszs\.conac\.cn\/" aria-label="党政机关网站标识[^"]*">[\s\S]*?党政机关[\s\S]*?<\/a>/);
  // Home blocks.
  assert.ok(html.includes('县发展和改革局'));
  assert.ok(html.includes('示范县政务服务中心'));
  assert.ok(html.includes('周一至周五'));
  assert.ok(html.includes('法定节假日') && html.includes('国庆节'));
  assert.ok(html.includes('2025年10月1日 星期三'));
  assert.ok(html.includes('暂无政务要闻'));
});

test('user-provided text is HTML-escaped', async (t) => {
  const app = await buildApp({
    listDepartments: async () => [{ id: '"x', name: '<script>alert(1)</script>' }],
    getSite: async () => ({ ...STUB_SITE, name: '示范县<b>人民政府</b>' }),
  });
  t.after(() => app.close());
  const html = (await app.inject('/')).body;
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!html.includes('<b>人民政府</b>'));
  assert.ok(html.includes('data-department-id="&#34;x"') || html.includes('data-department-id="&quot;x"'));
});

test('?mode= sets the zt_mode cookie and 303-redirects to the same path without the mode', async (t) => {
  const app = await buildApp();
  t.after(() => app.close());
  const elderly = await app.inject('/?mode=elderly');
  assert.equal(elderly.statusCode, 303);
  assert.equal(elderly.headers.location, '/');
  assert.equal(elderly.headers['set-cookie'], 'zt_mode=elderly; Path=/; SameSite=Lax; Max-Age=31536000');
  const standard = await app.inject('/sitemap?mode=standard');
  assert.equal(standard.statusCode, 303);
  assert.equal(standard.headers.location, '/sitemap');
  assert.equal(standard.headers['set-cookie'], 'zt_mode=standard; Path=/; SameSite=Lax; Max-Age=31536000');
  const unknown = await app.inject('/?mode=bogus');
  assert.equal(unknown.statusCode, 200);
  assert.equal(unknown.headers['set-cookie'], undefined);
});

test('the mode cookie selects elderly mode on every page', async (t) => {
  const app = await buildApp();
  t.after(() => app.close());
  for (const url of ['/', '/sitemap', '/disclosure']) {
    const res = await app.inject({ url, headers: { cookie: 'other=1; zt_mode=elderly' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<body class="mode-elderly">/, url);
    assert.match(res.body, /href="[^"]*\?mode=standard"[^>]*>[\s\S]*?标准模式<\/a>/);
  }
  const standard = await app.inject({ url: '/', headers: { cookie: 'zt_mode=standard' } });
  assert.match(standard.body, /<body class="mode-standard">/);
});

test('news items render when given, and an absent service hall says 暂无', async (t) => {
  const app = await buildApp({
    listNews: async () => [{ title: '县政府召开常务会议', url: '/news/1', date: '2025-09-30' }],
    getServiceHall: async () => null,
    describeToday: async () => ({ date: '2025-09-29', working: true, kind: 'workday' }),
  });
  t.after(() => app.close());
  const html = (await app.inject('/')).body;
  assert.match(html, /<a href="\/news\/1">县政府召开常务会议<\/a>/);
  assert.ok(!html.includes('暂无政务要闻'));
  assert.ok(html.includes('暂无政务服务大厅信息'));
  assert.ok(html.includes('>工作日<'));
});

test('site map lists every section as nested lists', async (t) => {
  const app = await buildApp();
  t.after(() => app.close());
  const res = await app.inject('/sitemap');
  assert.equal(res.statusCode, 200);
  for (const url of ['/', '/services', '/services/items', '/services/lookup', '/disclosure', '/interaction', '/sitemap', '/#news', '/#departments']) {
    assert.ok(res.body.includes(`href="${url}"`), url);
  }
  // The public complaint pages sit in the service hall's branch, with the hall's other pages.
  const hall = /<a class="sitemap-section" href="\/services">网上办事<\/a>\s*<ul>([\s\S]*?)<\/ul>/.exec(res.body)?.[1] ?? '';
  assert.match(hall, /<a href="\/services\/complaints\/new">我要投诉<\/a>/);
  assert.match(hall, /<a href="\/services\/complaints">我的投诉<\/a>/);
  const english = (await app.inject({ url: '/sitemap', headers: { cookie: 'zt_lang=en' } })).body;
  assert.match(english, /<a href="\/services\/complaints\/new">Make a complaint<\/a>/);
  assert.match(english, /<a href="\/services\/complaints">My complaints<\/a>/);
  assert.match(res.body, /<ul class="sitemap">\s*<li>[\s\S]*?<ul>/);
  assert.match(res.body, /<h1 class="page-title">网站地图<\/h1>/);
});

test('unbuilt sections show 栏目建设中 inside the layout; /services belongs to the services module', async (t) => {
  const app = await buildApp();
  t.after(() => app.close());
  assert.equal((await app.inject('/services')).statusCode, 404, 'the portal registers no /services stub');
  for (const [url, title] of [['/disclosure', '政府信息公开'], ['/interaction', '政民互动']] as const) {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('栏目建设中'), url);
    assert.ok(res.body.includes(`<h1 class="page-title">${title}</h1>`), url);
    assert.match(res.body, new RegExp(`href="${url}" aria-current="page"`));
  }
});

test('a signed-in citizen sees their name, 我的办件 and a sign-out form with the CSRF field; anonymous visitors a sign-in link', async (t) => {
  const app = Fastify();
  app.addHook('onRequest', async (request) => {
    if (request.headers['x-test-user'] === 'citizen') {
      Object.assign(request, { actor: { kind: 'citizen', userId: 'u1', name: '刘洋' }, sessionCsrfToken: 'token-1' });
    }
  });
  registerPortalPages(app, stubPortalDeps());
  await app.ready();
  t.after(() => app.close());
  const signedIn = await app.inject({ url: '/', headers: { 'x-test-user': 'citizen' } });
  assert.match(signedIn.body, /您好，刘洋/);
  assert.match(signedIn.body, /<a href="\/services\/my">我的办件<\/a>/);
  assert.match(signedIn.body, /<form class="inline-form" method="post" action="\/services\/sign-out">\s*<input type="hidden" name="_csrf" value="token-1">/);
  assert.equal(signedIn.headers['cache-control'], 'private, no-store');
  const anonymous = await app.inject('/');
  assert.match(anonymous.body, /<a href="\/services\/sign-in">个人\/法人登录<\/a>/);
  assert.ok(!anonymous.body.includes('sign-out'));
  assert.match(anonymous.body, /<a href="\/services\/items\?unit=fgj" data-department-id="fgj">县发展和改革局<\/a>/, 'departments link to their items');
});

test('the theme stylesheet is served under /assets/portal/', async (t) => {
  const app = await buildApp();
  t.after(() => app.close());
  const res = await app.inject('/assets/portal/portal.css');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/css/);
  assert.ok(res.body.includes('.mode-elderly'));
});

test('renderNotFound returns the 404 page, with or without the site', async () => {
  const bare = await renderNotFound();
  assert.ok(bare.includes('页面不存在'));
  assert.ok(bare.includes('href="/"'));
  const full = await renderNotFound(STUB_SITE, 'zt_mode=elderly');
  assert.match(full, /<body class="mode-elderly">/);
  assert.ok(full.includes(STUB_SITE.icp));
  assert.ok(full.includes('href="/sitemap"'));
});

test('?lang= sets the zt_lang cookie and 303-redirects to the same page, keeping the rest of the query', async (t) => {
  const app = await buildApp();
  t.after(() => app.close());
  const english = await app.inject('/sitemap?lang=en');
  assert.equal(english.statusCode, 303);
  assert.equal(english.headers.location, '/sitemap');
  assert.equal(english.headers['set-cookie'], 'zt_lang=en; Path=/; SameSite=Lax; Max-Age=31536000');
  const both = await app.inject('/?x=1&lang=zh&mode=elderly');
  assert.equal(both.headers.location, '/?x=1');
  assert.deepEqual(both.headers['set-cookie'], ['zt_mode=elderly; Path=/; SameSite=Lax; Max-Age=31536000', 'zt_lang=zh; Path=/; SameSite=Lax; Max-Age=31536000']);
  const unknown = await app.inject('/?lang=fr');
  assert.equal(unknown.statusCode, 200);
  assert.equal(unknown.headers['set-cookie'], undefined);
  const kept = await app.inject('/?x=1');
  assert.match(kept.body, /href="\/\?x=1&amp;lang=en" lang="en" hreflang="en">English<\/a>/, 'the switch comes back to the same view');
  assert.match(kept.body, /href="\/\?x=1&amp;mode=elderly"/);
});

test('with zt_lang=en every page of the portal is English, in both modes, with the site identification as stored', async (t) => {
  const app = await buildApp();
  t.after(() => app.close());
  for (const cookie of ['zt_lang=en', 'zt_lang=en; zt_mode=elderly']) {
    const home = (await app.inject({ url: '/', headers: { cookie } })).body;
    assert.match(home, /<html lang="en">/);
    assert.match(home, /<title>The People&#39;s Government of Shifan County<\/title>|<title>The People's Government of Shifan County<\/title>/);
    assert.match(home, /<a class="skip-link" href="#main">Skip to main content<\/a>/);
    assert.match(home, /<a href="[^"]*lang=en" lang="en" hreflang="en" aria-current="true">English<\/a>/);
    for (const title of ['Home', 'Online services', 'Government information', 'Public participation', 'Site map']) assert.ok(home.includes(`>${title}</a>`), title);
    assert.ok(home.includes(`Run by: ${STUB_SITE.sponsor}`), 'labels in English, the stored values as stored');
    assert.ok(home.includes(`Website ID: ${STUB_SITE.siteCode}`));
    assert.ok(home.includes('Wednesday, 1 October 2025'));
    assert.ok(home.includes('>Public holiday<') && home.includes('国庆节'));
    assert.ok(home.includes('No news yet.'));
    assert.ok(home.includes('县发展和改革局'), 'department names as stored');
    assert.match(home, cookie.includes('elderly') ? /Standard mode<\/a>/ : /Large text mode<\/a>/);
  }
  const sitemap = (await app.inject({ url: '/sitemap', headers: { cookie: 'zt_lang=en' } })).body;
  assert.match(sitemap, /<h1 class="page-title">Site map<\/h1>/);
  assert.match(sitemap, /<a href="\/\?lang=zh" lang="zh-CN">中文<\/a>/);
  const section = (await app.inject({ url: '/disclosure', headers: { cookie: 'zt_lang=en' } })).body;
  assert.match(section, /<h1 class="page-title">Government information<\/h1>/);
  assert.ok(section.includes('This section is being built'));
  const missing = await renderNotFound(STUB_SITE, 'zt_lang=en');
  assert.match(missing, /<html lang="en">[\s\S]*<h1 class="page-title">Page not found<\/h1>/);
});

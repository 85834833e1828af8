import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageCookie, languageFromCookie, parseLanguage } from './portal.language.ts';
import { modeCookie, modeFromCookie, parseMode, siteView, todayView } from './portal.view.ts';
import { STUB_SITE } from './portal.stubs.ts';

test('modeFromCookie reads zt_mode and defaults to standard', () => {
  assert.equal(modeFromCookie(undefined), 'standard');
  assert.equal(modeFromCookie('zt_mode=elderly'), 'elderly');
  assert.equal(modeFromCookie('a=1;  zt_mode=elderly ; b=2'), 'elderly');
  assert.equal(modeFromCookie('zt_mode=evil'), 'standard');
  assert.equal(modeFromCookie('xzt_mode=elderly'), 'standard');
  assert.equal(parseMode(['elderly']), null);
  assert.equal(modeCookie('elderly'), 'zt_mode=elderly; Path=/; SameSite=Lax; Max-Age=31536000');
});

test('todayView labels working days, rest days and holidays in Chinese', () => {
  assert.deepEqual(todayView({ date: '2025-10-01', working: false, kind: 'holiday', name: '国庆节' }), {
    date: '2025-10-01',
    dateText: '2025年10月1日 星期三',
    working: false,
    label: '法定节假日',
    name: '国庆节',
    status: 'holiday',
  });
  const saturday = todayView({ date: '2025-10-04', working: false, kind: 'weekend' });
  assert.equal(saturday.label, '休息日');
  assert.equal(saturday.status, 'rest');
  assert.equal(saturday.dateText, '2025年10月4日 星期六');
  const makeup = todayView({ date: '2025-09-28', working: true, kind: 'adjusted_workday' });
  assert.equal(makeup.label, '调休工作日');
  assert.equal(makeup.status, 'working');
  assert.equal(todayView({ date: '2025-09-29', working: true, kind: '工作日' }).label, '工作日');
  assert.equal(todayView({ date: 'x', working: false, kind: 'unknown' }).label, '休息日');
});

test('siteView links the public security record page by its number', () => {
  const view = siteView(STUB_SITE);
  assert.equal(view.publicSecurityCode, '00000000000001');
  assert.equal(view.publicSecurityUrl, 'https://beian.mps.gov.cn/#/query/webSearch?code=00000000000001');
  assert.equal(view.icpUrl, 'https://beian.miit.gov.cn/');
  assert.equal(siteView({ ...STUB_SITE, publicSecurityRecord: '' }).publicSecurityUrl, 'https://beian.mps.gov.cn/');
});

test('languageFromCookie reads zt_lang and defaults to Chinese', () => {
  assert.equal(languageFromCookie(undefined), 'zh');
  assert.equal(languageFromCookie('zt_lang=en'), 'en');
  assert.equal(languageFromCookie('a=1;  zt_lang=en ; zt_mode=elderly'), 'en');
  assert.equal(languageFromCookie('zt_lang=fr'), 'zh');
  assert.equal(languageFromCookie('xzt_lang=en'), 'zh');
  assert.equal(parseLanguage(['en']), null);
  assert.equal(languageCookie('en'), 'zt_lang=en; Path=/; SameSite=Lax; Max-Age=31536000');
});

test('todayView speaks English when asked, keeping the holiday name as the calendar has it', () => {
  assert.deepEqual(todayView({ date: '2025-10-01', working: false, kind: 'holiday', name: '国庆节' }, 'en'), {
    date: '2025-10-01',
    dateText: 'Wednesday, 1 October 2025',
    working: false,
    label: 'Public holiday',
    name: '国庆节',
    status: 'holiday',
  });
  assert.equal(todayView({ date: '2025-10-04', working: false, kind: 'weekend' }, 'en').label, 'Rest day');
  assert.equal(todayView({ date: '2025-09-28', working: true, kind: 'adjusted_workday' }, 'en').label, 'Working day (swapped)');
  assert.equal(todayView({ date: '2025-09-29', working: true, kind: '工作日' }, 'en').label, 'Working day', 'a Chinese kind is not shown on English pages');
});

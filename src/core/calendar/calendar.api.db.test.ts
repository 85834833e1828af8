// The calendar API through HTTP on a real database: public due-date and working-day answers, bad input in both
// languages, overrides changing the answers (audited, permission-checked) and other nodes catching up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../auth/actor.ts';
import { coreMigrations } from '../db/migrations/index.ts';
import type { App } from '../http/server.ts';
import { startStubServer, stubStaff } from '../../../test/stub-http.ts';
import { createMigratedDatabase, testDialect } from '../../../test/test-database.ts';
import { registerCalendarRoutes } from './calendar.api.ts';
import { createCalendarService, type CalendarService } from './calendar.service.ts';

function staff(userId: string, name: string, permissions: string[]): Actor {
  return stubStaff(userId, permissions, { name, unitId: 'unit-office', unitPath: '/county/office/' });
}

const ACTORS: Record<string, Actor> = {
  'calendar-admin': { ...staff('u-sysadmin', '系统管理员', ['calendar.manage']), adminRole: 'system' },
  plain: staff('u-staff', '经办人', ['identity.org.read']),
};

type Handle = Awaited<ReturnType<typeof createMigratedDatabase>>;

describe(`calendar API on ${testDialect()}`, () => {
  let handle: Handle;
  let app: App;
  let service: CalendarService;
  let base: string;

  before(async () => {
    handle = await createMigratedDatabase([coreMigrations]);
    service = await createCalendarService({ db: handle.db, now: () => new Date('2026-11-15T02:00:00Z') });
    ({ app, base } = await startStubServer({ actors: ACTORS, register: (server) => registerCalendarRoutes(server, { calendarService: service }) }));
  });

  after(async () => {
    await app.close();
    await handle.close();
  });

  function call(path: string, options: { actor?: string; method?: string; body?: unknown; language?: string } = {}) {
    const headers: Record<string, string> = { 'x-test-actor': options.actor ?? 'none', 'x-csrf-token': 't' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.language) headers['accept-language'] = options.language;
    return fetch(`${base}${path}`, { method: options.method ?? 'GET', headers, body: options.body === undefined ? null : JSON.stringify(options.body) });
  }

  async function json(response: Response, status = 200): Promise<any> {
    const body = await response.json();
    assert.equal(response.status, status, JSON.stringify(body));
    return body;
  }

  async function auditOf(date: string) {
    return handle.db.selectFrom('audit_log').selectAll().where('subject_type', '=', 'calendar_day').where('subject_id', '=', date).orderBy('seq').execute();
  }

  test('due date across 国庆 2026 and a make-up Saturday, without signing in', async () => {
    // Received Wed 30 Sep: 1–7 Oct off, Thu 8 (1), Fri 9 (2), Sat 10 make-up (3), Mon 12 (4), Tue 13 (5).
    assert.deepEqual(await json(await call('/api/calendar/due-date?start=2026-09-30&days=5')), { start: '2026-09-30', days: 5, dueDate: '2026-10-13' });
    assert.deepEqual(await json(await call('/api/calendar/due-date?start=2026-09-30&days=0')), { start: '2026-09-30', days: 0, dueDate: '2026-09-30' });
    assert.deepEqual(await json(await call('/api/calendar/working-day?date=2026-10-10')), { date: '2026-10-10', working: true, kind: 'makeup_workday', name: '国庆节' });
    assert.deepEqual(await json(await call('/api/calendar/working-day?date=2026-10-01')), { date: '2026-10-01', working: false, kind: 'holiday', name: '国庆节' });
    assert.deepEqual(await json(await call('/api/calendar/working-day?date=2026-10-11')), { date: '2026-10-11', working: false, kind: 'weekend' });
  });

  test('bad dates and day counts are 400 with a message in Chinese, or English when asked', async () => {
    const invalid = ['/api/calendar/working-day?date=2026-02-30', '/api/calendar/working-day?date=abc', '/api/calendar/due-date?start=abc&days=3', '/api/calendar/due-date?start=2026-02-30&days=3'];
    for (const path of invalid) {
      const zh = await json(await call(path), 400);
      assert.equal(zh.error.code, 'INVALID_DATE', path);
      assert.match(zh.error.message, /日期/);
      const en = await json(await call(path, { language: 'en' }), 400);
      assert.equal(en.error.message, 'Invalid date; expected YYYY-MM-DD');
    }
    for (const days of ['-1', '99999', '3651', 'abc', '', '1.5']) {
      const zh = await json(await call(`/api/calendar/due-date?start=2026-09-30&days=${days}`), 400);
      assert.equal(zh.error.code, 'VALIDATION_FAILED', `days=${days}`);
      assert.match(zh.error.message, /[\u4e00-\u9fff]/);
      assert.deepEqual(zh.error.issues, [{ path: 'days', message: '天数应为 0 至 3650 之间的整数' }]);
      const en = await json(await call(`/api/calendar/due-date?start=2026-09-30&days=${days}`, { language: 'en-US,en;q=0.9' }), 400);
      assert.match(en.error.message, /^The request is invalid/);
      assert.deepEqual(en.error.issues, [{ path: 'days', message: 'The number of days must be a whole number from 0 to 3650' }]);
    }
    assert.equal((await json(await call('/api/calendar/due-date?start=2026-09-30&days=3650'))).dueDate > '2040-01-01', true);
    assert.equal((await json(await call('/api/calendar/due-date?days=3'), 400)).error.code, 'VALIDATION_FAILED');
    assert.equal((await json(await call('/api/calendar/working-day?date=1800-01-01'), 400)).error.code, 'CALENDAR_DATE_OUT_OF_RANGE');
    assert.equal((await json(await call('/api/calendar/years/1899', { actor: 'plain' }), 400)).error.issues[0].message, '年份应为 1900 至 2200 之间的整数');
    assert.equal((await json(await call('/api/calendar/years/2201', { actor: 'plain' }), 400)).error.code, 'VALIDATION_FAILED');
    const badOverride = await json(await call('/api/calendar/overrides/2026-02-30', { actor: 'calendar-admin', method: 'PUT', body: { working: false, note: '测试' } }), 400);
    assert.equal(badOverride.error.code, 'INVALID_DATE');
  });

  test('status and year views for signed-in staff', async () => {
    assert.deepEqual(await json(await call('/api/calendar/status', { actor: 'plain' })), { years: [2025, 2026], currentYear: 2026, nextYear: 2027, nextYearMissing: true });
    assert.equal((await json(await call('/api/calendar/status'), 401)).error.code, 'UNAUTHENTICATED');
    const year = await json(await call('/api/calendar/years/2026', { actor: 'plain' }));
    assert.equal(year.year, 2026);
    assert.equal(year.shipped, true);
    assert.equal(year.days.length, 365);
    assert.deepEqual(year.days[0], { date: '2026-01-01', working: false, kind: 'holiday', name: '元旦' });
    assert.deepEqual(year.days[3], { date: '2026-01-04', working: true, kind: 'makeup_workday', name: '元旦' });
    const leap = await json(await call('/api/calendar/years/2028', { actor: 'plain' }));
    assert.equal(leap.shipped, false);
    assert.equal(leap.days.length, 366);
    assert.equal((await json(await call('/api/calendar/years/2026'), 401)).error.code, 'UNAUTHENTICATED');
  });

  test('an override changes due-date and working-day, is audited, and can be removed', async () => {
    const put = await call('/api/calendar/overrides/2026-10-09', { actor: 'calendar-admin', method: 'PUT', body: { working: false, note: ' 县政府通知：停电检修 ' } });
    assert.deepEqual(await json(put), { date: '2026-10-09', working: false, kind: 'workday', override: { working: false, note: '县政府通知：停电检修' } });
    assert.deepEqual(await json(await call('/api/calendar/working-day?date=2026-10-09')), { date: '2026-10-09', working: false, kind: 'workday' });
    assert.equal((await json(await call('/api/calendar/due-date?start=2026-09-30&days=5'))).dueDate, '2026-10-14');
    const year = await json(await call('/api/calendar/years/2026', { actor: 'plain' }));
    assert.deepEqual(year.days.find((day: { date: string }) => day.date === '2026-10-09').override, { working: false, note: '县政府通知：停电检修' });

    // Changing it again records what it was before.
    await json(await call('/api/calendar/overrides/2026-10-09', { actor: 'calendar-admin', method: 'PUT', body: { working: false, note: '改期' } }));
    const removed = await json(await call('/api/calendar/overrides/2026-10-09', { actor: 'calendar-admin', method: 'DELETE' }));
    assert.deepEqual(removed, { date: '2026-10-09', working: true, kind: 'workday' });
    assert.equal((await json(await call('/api/calendar/due-date?start=2026-09-30&days=5'))).dueDate, '2026-10-13');
    assert.equal((await json(await call('/api/calendar/working-day?date=2026-10-09'))).working, true);

    const records = await auditOf('2026-10-09');
    assert.deepEqual(
      records.map((r) => [r.action, r.actor_id, r.outcome, r.before_json, r.after_json]),
      [
        ['calendar.override.set', 'u-sysadmin', 'success', null, '{"working":false,"note":"县政府通知：停电检修"}'],
        ['calendar.override.set', 'u-sysadmin', 'success', '{"working":false,"note":"县政府通知：停电检修"}', '{"working":false,"note":"改期"}'],
        ['calendar.override.remove', 'u-sysadmin', 'success', '{"working":false,"note":"改期"}', null],
      ],
    );
    assert.equal(records[0]?.ip, '127.0.0.1');

    // A Sunday made a working day (e.g. a county-wide make-up day).
    await json(await call('/api/calendar/overrides/2026-10-11', { actor: 'calendar-admin', method: 'PUT', body: { working: true, note: '县里统一调休' } }));
    assert.deepEqual(await json(await call('/api/calendar/working-day?date=2026-10-11')), { date: '2026-10-11', working: true, kind: 'weekend' });
    assert.equal((await json(await call('/api/calendar/due-date?start=2026-09-30&days=5'))).dueDate, '2026-10-12');
    await json(await call('/api/calendar/overrides/2026-10-11', { actor: 'calendar-admin', method: 'DELETE' }));
  });

  test('removing a date without an override is 404 and writes nothing', async () => {
    const body = await json(await call('/api/calendar/overrides/2026-03-03', { actor: 'calendar-admin', method: 'DELETE' }), 404);
    assert.equal(body.error.code, 'CALENDAR_OVERRIDE_NOT_FOUND');
    assert.match(body.error.message, /2026-03-03/);
    assert.deepEqual(await auditOf('2026-03-03'), []);
    const note = await json(await call('/api/calendar/overrides/2026-03-03', { actor: 'calendar-admin', method: 'PUT', body: { working: false, note: '   ' } }), 400);
    assert.equal(note.error.code, 'VALIDATION_FAILED');
  });

  test('overrides need calendar.manage: plain staff 403, no session 401, nothing changes', async () => {
    for (const method of ['PUT', 'DELETE']) {
      const body = method === 'PUT' ? { working: false, note: '无权' } : undefined;
      assert.equal((await json(await call('/api/calendar/overrides/2026-10-12', { actor: 'plain', method, body }), 403)).error.code, 'FORBIDDEN');
      assert.equal((await json(await call('/api/calendar/overrides/2026-10-12', { method, body }), 401)).error.code, 'UNAUTHENTICATED');
    }
    assert.equal((await json(await call('/api/calendar/working-day?date=2026-10-12'))).working, true);
    assert.deepEqual(await auditOf('2026-10-12'), []);
  });

  test('another node sees a change after refresh(), and by itself once the cache is older than the interval', async () => {
    let clock = Date.parse('2026-11-15T02:00:00Z');
    const otherNode = await createCalendarService({ db: handle.db, now: () => new Date(clock), reloadIntervalMs: 60_000 });
    assert.equal(otherNode.getCalendar().isWorkingDay('2026-12-01'), true);
    await service.setOverride(ACTORS['calendar-admin']!, '2026-12-01', { working: false, note: '全县停电' });
    assert.equal(otherNode.getCalendar().isWorkingDay('2026-12-01'), true, 'cached until refreshed');
    await otherNode.refresh();
    assert.equal(otherNode.getCalendar().isWorkingDay('2026-12-01'), false);

    await service.removeOverride(ACTORS['calendar-admin']!, '2026-12-01');
    clock += 30_000;
    otherNode.getCalendar();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(otherNode.getCalendar().isWorkingDay('2026-12-01'), false, 'still within the interval');
    clock += 31_000;
    otherNode.getCalendar(); // starts a background reload
    for (let i = 0; i < 100 && !otherNode.getCalendar().isWorkingDay('2026-12-01'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(otherNode.getCalendar().isWorkingDay('2026-12-01'), true);
  });

  test('the routes are described in OpenAPI under the calendar tag', async () => {
    const spec = await json(await call('/api/docs/json'));
    for (const path of ['/api/calendar/status', '/api/calendar/years/{year}', '/api/calendar/due-date', '/api/calendar/working-day']) {
      assert.deepEqual(spec.paths[path].get.tags, ['calendar'], path);
      assert.ok(spec.paths[path].get.summary, path);
    }
    assert.deepEqual(spec.paths['/api/calendar/overrides/{date}'].put.tags, ['calendar']);
  });
});

// Sign-in through HTTP: stages for admins (TOTP enrolment, password change), lockout, CSRF, timeouts, audit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTotpCode } from '../../src/core/auth/totp.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { createTestApp, strongPassword, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';

let app: TestApp;

before(async () => {
  app = await createTestApp();
});
after(() => app.close());

const on = testDialect();

test(`${on}: an admin must enrol TOTP and change the initial password before anything else`, async () => {
  const client = app.client();
  const signedIn = await client.post('/api/auth/sign-in', { username: 'secadmin', password: DEMO_PASSWORD });
  assert.equal(signedIn.status, 200);
  assert.equal(signedIn.body.stage, 'enrol_totp');
  assert.equal(signedIn.body.user.permissions.length, 0, 'no permissions before sign-in completes');
  assert.match(signedIn.headers.get('set-cookie') ?? '', /zt_session=.*HttpOnly/i);

  const blocked = await client.get('/api/security/policy');
  assert.equal(blocked.status, 401, 'half-signed-in sessions reach nothing');

  const enrolment = await client.get('/api/auth/totp/enrolment');
  assert.equal(enrolment.status, 200);
  assert.match(enrolment.body.qrDataUrl, /^data:image\/png;base64,/);
  assert.match(enrolment.body.otpauthUrl, /^otpauth:\/\/totp\//);

  const wrong = await client.post('/api/auth/totp/enrolment', { code: '000000' });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error.code, 'TOTP_INVALID');

  const enrolled = await client.post('/api/auth/totp/enrolment', { code: await currentTotpCode(enrolment.body.secret, app.clock.now()) });
  assert.equal(enrolled.body.stage, 'change_password');

  const weak = await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'abcdefgh' });
  assert.equal(weak.status, 400);
  assert.equal(weak.body.error.code, 'PASSWORD_TOO_WEAK');
  assert.match(weak.body.error.message, /至少 8 位/);

  const newPassword = strongPassword();
  const changed = await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword });
  assert.equal(changed.body.stage, 'done');
  assert.equal(changed.body.user.adminRole, 'security');
  assert.ok(changed.body.user.permissions.includes('security.policy.manage'));
  assert.equal((await client.get('/api/security/policy')).status, 200);

  // The next sign-in asks for a code, and a code is accepted once only.
  const again = app.client();
  const second = await again.post('/api/auth/sign-in', { username: 'secadmin', password: newPassword });
  assert.equal(second.body.stage, 'totp');
  app.clock.advance(31_000);
  const code = await currentTotpCode(enrolment.body.secret, app.clock.now());
  assert.equal((await again.post('/api/auth/totp', { code })).body.stage, 'done');
  const third = app.client();
  await third.post('/api/auth/sign-in', { username: 'secadmin', password: newPassword });
  const replay = await third.post('/api/auth/totp', { code });
  assert.equal(replay.status, 401, 'a used code is refused');
});

test(`${on}: five wrong passwords lock the account, and the attempts are audited`, async () => {
  const client = app.client();
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    const response = await client.post('/api/auth/sign-in', { username: 'li.na', password: 'Wrong#Pass1' });
    assert.equal(response.status, 401);
    assert.equal(response.body.error.code, 'INVALID_CREDENTIALS');
  }
  const fifth = await client.post('/api/auth/sign-in', { username: 'li.na', password: 'Wrong#Pass1' });
  assert.equal(fifth.status, 423);
  assert.equal(fifth.body.error.code, 'ACCOUNT_LOCKED');
  const evenRight = await client.post('/api/auth/sign-in', { username: 'li.na', password: DEMO_PASSWORD });
  assert.equal(evenRight.status, 423, 'locked even with the right password');

  const english = app.client();
  english.language = 'en';
  const inEnglish = await english.post('/api/auth/sign-in', { username: 'li.na', password: DEMO_PASSWORD });
  assert.match(inEnglish.body.error.message, /locked/);

  app.clock.advance(31 * 60_000);
  const afterLock = await client.post('/api/auth/sign-in', { username: 'li.na', password: DEMO_PASSWORD });
  assert.equal(afterLock.status, 200, 'the lock ends after 30 minutes');

  const auditor = await app.signIn('auditadmin');
  const failures = await auditor.get('/api/audit?action=auth.sign_in&outcome=failure&pageSize=100');
  assert.ok(failures.body.items.filter((item: { subjectId: string | null }) => item.subjectId).length >= 5);
  const unknown = await client.post('/api/auth/sign-in', { username: 'nobody.here', password: 'x' });
  assert.equal(unknown.status, 401);
  assert.equal(unknown.body.error.code, 'INVALID_CREDENTIALS', 'unknown users look like wrong passwords');
});

test(`${on}: writes with the session cookie need the CSRF token`, async () => {
  const client = await app.signIn('sysadmin');
  const token = client.csrfToken;
  client.csrfToken = null;
  const refused = await client.put('/api/calendar/overrides/2026-12-08', { working: false, note: '测试' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'CSRF_INVALID');
  client.csrfToken = token;
  assert.equal((await client.put('/api/calendar/overrides/2026-12-08', { working: false, note: '测试' })).status, 200);
});

test(`${on}: an idle session expires after the policy's idle timeout`, async () => {
  const client = await app.signIn('zhang.wei');
  assert.equal((await client.get('/api/me')).status, 200);
  app.clock.advance(31 * 60_000);
  const expired = await client.get('/api/me');
  assert.equal(expired.status, 401);
  assert.equal((await client.get('/api/auth/session')).status, 401);
});

test(`${on}: sign-out ends the session; bad input gets 400 with a message, never 500`, async () => {
  const client = await app.signIn('zhang.wei');
  assert.equal((await client.post('/api/auth/sign-out')).status, 200);
  assert.equal((await client.get('/api/me')).status, 401);

  const anonymous = app.client();
  for (const body of ['{"username": 1}', '{not json', JSON.stringify({ username: 'x'.repeat(10_000), password: 'y' }), '[]', 'null']) {
    const response = await anonymous.post('/api/auth/sign-in', body, { 'content-type': 'application/json' });
    assert.ok(response.status >= 400 && response.status < 500, `${body.slice(0, 20)} → ${response.status}`);
    assert.equal(typeof response.body.error.message, 'string');
  }
  const huge = await anonymous.post('/api/auth/sign-in', JSON.stringify({ username: 'a', password: 'b'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
  assert.equal(huge.status, 413);
});

test(`${on}: sign-in attempts are rate-limited per client`, async () => {
  const limited = await createTestApp({ env: { SIGN_IN_RATE_PER_MINUTE: '3', SEED_DEMO: 'false' } });
  try {
    const client = limited.client();
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await client.post('/api/auth/sign-in', { username: 'someone', password: 'x' })).status);
    assert.deepEqual(statuses, [401, 401, 401, 429]);
  } finally {
    await limited.close();
  }
});

test(`${on}: a password older than the rotation period must be changed at sign-in`, async () => {
  const client = await app.signIn('liu.qiang');
  assert.equal((await client.get('/api/me')).status, 200);
  app.clock.advance(91 * 86_400_000);
  const later = app.client();
  const response = await later.post('/api/auth/sign-in', { username: 'liu.qiang', password: DEMO_PASSWORD });
  assert.equal(response.body.stage, 'change_password');
  assert.equal((await later.get('/api/me')).status, 401, 'nothing is reachable until the password is changed');
  const changed = await later.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: strongPassword() });
  assert.equal(changed.body.stage, 'done');
  const reuse = await later.post('/api/auth/password', { currentPassword: 'irrelevant', newPassword: DEMO_PASSWORD });
  assert.equal(reuse.body.error.code, 'PASSWORD_CURRENT_WRONG');
});

test(`${on}: responses carry the security headers`, async () => {
  const client = app.client();
  for (const url of ['/', '/api/auth/session', '/console/']) {
    const response = await client.get(url);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /default-src 'self'/, url);
    assert.match(policy, /frame-ancestors 'none'/, url);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', url);
    assert.ok(response.headers.get('x-frame-options'), url);
    assert.ok(response.headers.get('referrer-policy'), url);
  }
});

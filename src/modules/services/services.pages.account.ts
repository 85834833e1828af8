// Sign-in of citizens (个人) and companies (法人) for the hall's pages, and sign-out. The identity module
// checks the password, records the attempt and sets the session cookie, exactly as for the JSON sign-in.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../core/http/server.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { pageSessionsOf } from '../identity/index.ts';
import { applicantOf, hallTextOf, messageOf, safeReturnPath, seeOther, sendServicePage, textField, type ServicePageDeps } from './services.pages.common.ts';
import type { HallMessages } from './services.pages.messages.ts';

type AccountKind = 'citizen' | 'company';

interface SignInForm {
  username: string;
  accountKind: AccountKind;
  returnTo: string;
  error: string;
  errorField: 'username' | 'password' | '';
}

/** Sign-in stages the web page cannot finish, to the message that says what to do instead. */
const STAGE_MESSAGES: Record<string, keyof HallMessages['signIn']> = { change_password: 'changePassword', totp: 'totp', enrol_totp: 'enrolTotp' };

function sendSignIn(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, form: SignInForm, status = 200) {
  const { t } = hallTextOf(request);
  return sendServicePage(deps, request, reply, {
    template: 'sign-in',
    title: t.signIn.title,
    status,
    breadcrumbs: [{ title: t.signIn.crumb }],
    data: { form },
  });
}

/** Registers GET/POST /services/sign-in and POST /services/sign-out. */
export function registerAccountPages(app: App, deps: ServicePageDeps): void {
  app.get('/services/sign-in', { schema: { hide: true } }, async (request, reply) => {
    const returnTo = safeReturnPath(textField(request.query, 'returnTo') || '/services');
    if (applicantOf(request)) return seeOther(reply, returnTo);
    const accountKind: AccountKind = textField(request.query, 'accountKind') === 'company' ? 'company' : 'citizen';
    return sendSignIn(deps, request, reply, { username: '', accountKind, returnTo, error: '', errorField: '' });
  });

  // Like the JSON sign-in: no CSRF token before there is a session, and the same rate limit.
  app.post('/services/sign-in', { schema: { hide: true }, config: { csrf: false, rateLimit: pageSessionsOf(app).rateLimit } }, async (request, reply) => {
    const username = textField(request.body, 'username').slice(0, 64);
    const rawPassword = (request.body as Record<string, unknown> | undefined)?.['password'];
    const password = typeof rawPassword === 'string' ? rawPassword.slice(0, 128) : '';
    const accountKind: AccountKind = textField(request.body, 'accountKind') === 'company' ? 'company' : 'citizen';
    const returnTo = safeReturnPath(textField(request.body, 'returnTo') || '/services');
    const form: SignInForm = { username, accountKind, returnTo, error: '', errorField: '' };
    const { language, t } = hallTextOf(request);
    if (!username) return sendSignIn(deps, request, reply, { ...form, error: accountKind === 'company' ? t.signIn.noCompanyUsername : t.signIn.noUsername, errorField: 'username' }, 400);
    if (!password) return sendSignIn(deps, request, reply, { ...form, error: t.signIn.noPassword, errorField: 'password' }, 400);
    let stage: string;
    try {
      stage = await pageSessionsOf(app).signIn(request, reply, { username, password, accountKind });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return sendSignIn(deps, request, reply, { ...form, error: messageOf(error, language), errorField: 'password' }, error.code === 'ACCOUNT_LOCKED' ? 423 : 401);
    }
    if (stage !== 'done') return sendSignIn(deps, request, reply, { ...form, error: t.signIn[STAGE_MESSAGES[stage] ?? 'unfinished'], errorField: 'password' }, 403);
    return seeOther(reply, returnTo);
  });

  // The server checks the form's _csrf field against the session before this runs.
  app.post('/services/sign-out', { schema: { hide: true } }, async (request, reply) => {
    await pageSessionsOf(app).signOut(request, reply);
    return seeOther(reply, '/services');
  });
}

// 办件进度查询: anyone with a case number and its query code sees the case's progress (steps, deadlines,
// the clock's explanation, the timeline) without signing in. A wrong pair shows the form again.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../core/http/server.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { formatMessage } from '../../core/i18n/format-message.ts';
import { lookupInputSchema } from './cases.schema.ts';
import { lookupCase } from './cases.views.ts';
import { hallTextOf, messageOf, sendServicePage, textField, type ServicePageDeps } from './services.pages.common.ts';
import { formatDateTime, progressView } from './services.pages.views.ts';

/** The same limit as the JSON lookup: guessing query codes stays slow. */
const LOOKUP_LIMIT = { max: 20, timeWindow: 60_000 };

interface LookupForm {
  caseNumber: string;
  queryCode: string;
  error: string;
}

function sendLookup(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, form: LookupForm, result: Awaited<ReturnType<typeof lookupCase>> | null, status = 200) {
  const { language, t } = hallTextOf(request);
  return sendServicePage(deps, request, reply, {
    template: 'lookup',
    title: result ? formatMessage(t.lookup.resultTitle, { number: result.caseNumber }) : t.lookup.title,
    status,
    breadcrumbs: result ? [{ title: t.lookup.title, url: '/services/lookup' }, { title: result.caseNumber }] : [{ title: t.lookup.title }],
    data: {
      lookupForm: form,
      result: result
        ? { caseNumber: result.caseNumber, itemName: result.itemName, unitName: result.unitName, submittedAt: formatDateTime(result.submittedAt), progress: progressView({ ...result, timeline: result.timeline }, language) }
        : null,
    },
  });
}

/** Registers GET and POST /services/lookup. */
export function registerLookupPages(app: App, deps: ServicePageDeps): void {
  app.get('/services/lookup', { schema: { hide: true } }, async (request, reply) =>
    sendLookup(deps, request, reply, { caseNumber: textField(request.query, 'caseNumber').slice(0, 40), queryCode: '', error: '' }, null),
  );

  // No session effect, so no CSRF token is needed (a person may look up from any page); the rate limit stays.
  app.post('/services/lookup', { schema: { hide: true }, config: { csrf: false, rateLimit: LOOKUP_LIMIT } }, async (request, reply) => {
    const { language, t } = hallTextOf(request);
    const form = { caseNumber: textField(request.body, 'caseNumber').slice(0, 40), queryCode: textField(request.body, 'queryCode').slice(0, 12), error: '' };
    const parsed = lookupInputSchema.safeParse(form);
    if (!parsed.success) {
      const error = !form.caseNumber ? t.lookup.noNumber : !form.queryCode ? t.lookup.noCode : t.lookup.badFormat;
      return sendLookup(deps, request, reply, { ...form, error }, null, 400);
    }
    try {
      const result = await lookupCase(deps, parsed.data.caseNumber, parsed.data.queryCode, language);
      return sendLookup(deps, request, reply, { caseNumber: result.caseNumber, queryCode: '', error: '' }, result);
    } catch (error) {
      if (!isAppError(error, 'CASE_LOOKUP_FAILED')) throw error;
      return sendLookup(deps, request, reply, { ...form, queryCode: '', error: formatMessage(t.lookup.notFound, { message: messageOf(error, language) }) }, null, 404);
    }
  });
}

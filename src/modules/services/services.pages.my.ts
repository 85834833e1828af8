// 我的办件: the applicant's cases, one case with its progress, the receipt after applying, and the two things an
// applicant does to a case: supply what a supplement request (一次性告知) asked for, withdraw, and rate it once it ended.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../core/http/server.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { formatMessage } from '../../core/i18n/format-message.ts';
import { supplyMaterials, withdrawCase } from './cases.service.ts';
import { getCaseForApplicant, listMyCases } from './cases.views.ts';
import { discardApplicationDraft, listApplicationDrafts } from './drafts.service.ts';
import { findRatingForApplicant, rateCase } from './ratings.service.ts';
import { RATING_LEVELS, type RatingLevel } from './service-catalogue.ts';
import { applicantOf, hallTextOf, messageOf, seeOther, sendMessagePage, sendServicePage, signInUrl, textField, UUID_PATTERN, type ServicePageDeps } from './services.pages.common.ts';
import type { HallMessages } from './services.pages.messages.ts';
import { firstField, readPageMultipartForm } from './services.pages.uploads.ts';
import { caseStatusName, formatDate, formatDateTime, pageLinks, progressView } from './services.pages.views.ts';

const PAGE_SIZE = 10;
type Applicant = NonNullable<ReturnType<typeof applicantOf>>;
type CaseDetail = Awaited<ReturnType<typeof getCaseForApplicant>>;

/** The ?done= of the page after a successful action, to the message that confirms it. */
const NOTICES: Record<string, keyof HallMessages['myCase']> = { supplied: 'supplied', withdrawn: 'withdrawn', rated: 'rated' };

/** The signed-in applicant and their case, or null after answering with the sign-in redirect or the 404 page. */
async function loadOwnCase(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, caseId: string): Promise<{ applicant: Applicant; detail: CaseDetail } | null> {
  const applicant = applicantOf(request);
  if (!applicant) {
    await seeOther(reply, signInUrl(`/services/my/${encodeURIComponent(caseId)}`));
    return null;
  }
  const { language, t } = hallTextOf(request);
  const notFound = () => sendMessagePage(deps, request, reply, { status: 404, title: t.myCase.notFoundTitle, lead: t.myCase.notFoundLead, links: [{ title: t.common.myCases, url: '/services/my' }, { title: t.common.backToHall, url: '/services' }] });
  if (!UUID_PATTERN.test(caseId)) return notFound().then(() => null);
  try {
    return { applicant, detail: await getCaseForApplicant(deps, applicant, caseId, language) };
  } catch (error) {
    if (isAppError(error, 'CASE_NOT_FOUND')) return notFound().then(() => null);
    throw error;
  }
}

async function sendCase(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, detail: CaseDetail, extra: { notice?: string; supplyError?: string; withdrawError?: string; withdrawReason?: string; ratingError?: string; ratingComment?: string; status?: number } = {}) {
  const { language, t } = hallTextOf(request);
  const rating = await findRatingForApplicant(deps, detail.id);
  const ended = detail.status === 'concluded' || detail.status === 'refused';
  const supplyItems = (detail.supplementRequest ?? []).map((item, index) => ({ ...item, id: `supply-${index + 1}`, uploadable: item.materialKey !== null && item.materialKey !== '' }));
  return sendServicePage(deps, request, reply, {
    template: 'my-case',
    title: formatMessage(t.myCase.title, { number: detail.caseNumber }),
    status: extra.status ?? 200,
    breadcrumbs: [{ title: t.common.myCases, url: '/services/my' }, { title: detail.caseNumber }],
    data: {
      detail: {
        id: detail.id, caseNumber: detail.caseNumber, queryCode: detail.queryCode ?? '', itemName: detail.itemName, itemId: detail.itemId, unitName: detail.unitName,
        submittedAt: formatDateTime(detail.submittedAt), version: detail.version, form: detail.form,
        materials: detail.materials.map((material) => ({
          name: material.name,
          detail: formatMessage(material.round > 0 ? t.myCase.suppliedMaterial : t.myCase.material, { file: material.fileName ?? '', time: formatDateTime(material.createdAt) }),
        })),
        progress: progressView(detail, language),
        canSupply: detail.allowedActions.includes('supply'),
        canWithdraw: detail.allowedActions.includes('withdraw'),
        supplyItems,
        notices: detail.notices.map((kind) => ({ title: formatMessage(t.myCase.noticeLink, { title: (t.notices as Record<string, string>)[kind] ?? kind }), url: `/api/my/cases/${detail.id}/notices/${kind}` })),
        canRate: ended && rating === null,
        rating: rating ? { ...rating, levelName: RATING_LEVELS[rating.level][language], ratedAt: formatDateTime(rating.ratedAt) } : null,
        ratingLevels: (Object.keys(RATING_LEVELS) as RatingLevel[]).map((level) => ({ value: level, name: RATING_LEVELS[level][language] })),
      },
      notice: extra.notice ?? '',
      supplyError: extra.supplyError ?? '',
      withdrawError: extra.withdrawError ?? '',
      withdrawReason: extra.withdrawReason ?? '',
      ratingError: extra.ratingError ?? '',
      ratingComment: extra.ratingComment ?? '',
    },
  });
}

/** Registers /services/my, /services/my/:id, its receipt, supply, withdraw and rating. */
export function registerMyCasePages(app: App, deps: ServicePageDeps): void {
  app.get('/services/my', { schema: { hide: true } }, async (request, reply) => {
    const applicant = applicantOf(request);
    if (!applicant) return seeOther(reply, signInUrl('/services/my'));
    const { language, t } = hallTextOf(request);
    const requested = Number.parseInt(textField(request.query, 'page'), 10);
    const page = Number.isFinite(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
    const { items, total } = await listMyCases(deps, applicant, page, PAGE_SIZE);
    const drafts = await listApplicationDrafts(deps.db, applicant);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return sendServicePage(deps, request, reply, {
      template: 'my-cases',
      title: t.common.myCases,
      breadcrumbs: [{ title: t.common.myCases }],
      data: {
        cases: items.map((item) => ({ ...item, statusName: caseStatusName(item.status, language), url: `/services/my/${item.id}`, submittedAt: formatDateTime(item.submittedAt), deadline: formatDate(item.caseDeadline, language) })),
        total,
        paging: pageLinks('/services/my', {}, page, pageCount),
        drafts: drafts.map((draft) => ({ id: draft.id, itemName: draft.itemName, updatedAt: formatDateTime(draft.updatedAt), url: `/services/apply/${draft.itemId}?draft=${draft.id}` })),
      },
    });
  });

  app.get<{ Params: { id: string } }>('/services/my/:id', { schema: { hide: true } }, async (request, reply) => {
    const loaded = await loadOwnCase(deps, request, reply, request.params.id);
    if (!loaded) return reply;
    const done = NOTICES[textField(request.query, 'done')];
    return sendCase(deps, request, reply, loaded.detail, { notice: done ? hallTextOf(request).t.myCase[done] : '' });
  });

  app.get<{ Params: { id: string } }>('/services/my/:id/receipt', { schema: { hide: true } }, async (request, reply) => {
    const loaded = await loadOwnCase(deps, request, reply, request.params.id);
    if (!loaded) return reply;
    const { detail } = loaded;
    const { language, t } = hallTextOf(request);
    return sendServicePage(deps, request, reply, {
      template: 'receipt',
      title: t.receipt.title,
      breadcrumbs: [{ title: t.common.myCases, url: '/services/my' }, { title: t.receipt.crumb }],
      data: { receipt: { id: detail.id, caseNumber: detail.caseNumber, queryCode: detail.queryCode ?? '', itemName: detail.itemName, unitName: detail.unitName, submittedAt: formatDateTime(detail.submittedAt), deadline: formatDate(detail.clock.caseDeadline, language) } },
    });
  });

  app.post<{ Params: { id: string } }>('/services/my/:id/supply', { schema: { hide: true }, config: { csrf: 'multipart-field' } }, async (request, reply) => {
    const loaded = await loadOwnCase(deps, request, reply, request.params.id);
    if (!loaded) return reply;
    if (!request.isMultipart()) return seeOther(reply, `/services/my/${loaded.detail.id}`);
    const { language, t } = hallTextOf(request);
    const posted = await readPageMultipartForm(deps, request, { maxFiles: 40 });
    const refused = posted.uploads.filter((upload) => upload.error).map((upload) => upload.error);
    const byKey = new Map<string, string[]>();
    for (const upload of posted.uploads) {
      const key = upload.fieldname.startsWith('supply.') ? upload.fieldname.slice('supply.'.length) : '';
      if (upload.fileId && key) byKey.set(key, [...(byKey.get(key) ?? []), upload.fileId]);
    }
    const materials = [...byKey].map(([materialKey, fileIds]) => ({ materialKey, fileIds: fileIds.slice(0, 10), reuseFileIds: [] as string[] }));
    if (refused.length > 0 || materials.length === 0) {
      return sendCase(deps, request, reply, loaded.detail, { status: 400, supplyError: refused.length > 0 ? refused.join(t.apply.hintSeparator) : t.myCase.supplyNothing });
    }
    const version = Number.parseInt(firstField(posted, 'version'), 10);
    try {
      await supplyMaterials(deps, loaded.applicant, loaded.detail.id, { version: Number.isFinite(version) ? version : 0, materials, note: firstField(posted, 'note').slice(0, 1000) });
    } catch (error) {
      return sendCase(deps, request, reply, loaded.detail, { status: 409, supplyError: messageOf(error, language) });
    }
    return seeOther(reply, `/services/my/${loaded.detail.id}?done=supplied`);
  });

  app.post<{ Params: { id: string } }>('/services/my/drafts/:id/discard', { schema: { hide: true } }, async (request, reply) => {
    const applicant = applicantOf(request);
    if (!applicant) return seeOther(reply, signInUrl('/services/my'));
    if (UUID_PATTERN.test(request.params.id)) await discardApplicationDraft(deps.db, applicant, request.params.id).catch((error: unknown) => {
      if (!isAppError(error, 'DRAFT_NOT_FOUND')) throw error;
    });
    return seeOther(reply, '/services/my');
  });

  // 好差评: a plain form, its _csrf field checked by the server; one rating per ended case.
  app.post<{ Params: { id: string } }>('/services/my/:id/rating', { schema: { hide: true } }, async (request, reply) => {
    const loaded = await loadOwnCase(deps, request, reply, request.params.id);
    if (!loaded) return reply;
    const { language, t } = hallTextOf(request);
    const level = textField(request.body, 'level');
    const comment = textField(request.body, 'comment').slice(0, 1000);
    if (!(level in RATING_LEVELS)) return sendCase(deps, request, reply, loaded.detail, { status: 400, ratingError: t.myCase.ratingMissing, ratingComment: comment });
    try {
      await rateCase(deps, loaded.applicant, loaded.detail.id, { level: level as RatingLevel, comment });
    } catch (error) {
      return sendCase(deps, request, reply, loaded.detail, { status: 409, ratingError: messageOf(error, language), ratingComment: comment });
    }
    return seeOther(reply, `/services/my/${loaded.detail.id}?done=rated`);
  });

  // A plain form: the server checks its _csrf field against the session before this runs.
  app.post<{ Params: { id: string } }>('/services/my/:id/withdraw', { schema: { hide: true } }, async (request, reply) => {
    const loaded = await loadOwnCase(deps, request, reply, request.params.id);
    if (!loaded) return reply;
    const { language, t } = hallTextOf(request);
    const reason = textField(request.body, 'reason').slice(0, 2000);
    if (reason.length < 2) return sendCase(deps, request, reply, loaded.detail, { status: 400, withdrawError: t.myCase.withdrawNoReason, withdrawReason: reason });
    const version = Number.parseInt(textField(request.body, 'version'), 10);
    try {
      await withdrawCase(deps, loaded.applicant, loaded.detail.id, { version: Number.isFinite(version) ? version : 0, reason });
    } catch (error) {
      return sendCase(deps, request, reply, loaded.detail, { status: 409, withdrawError: messageOf(error, language), withdrawReason: reason });
    }
    return seeOther(reply, `/services/my/${loaded.detail.id}?done=withdrawn`);
  });
}

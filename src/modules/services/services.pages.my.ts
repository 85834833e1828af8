// 我的办件: the applicant's cases, one case with its progress, the receipt after applying, and the two things an
// applicant does to a case: supply what a supplement request (一次性告知) asked for, withdraw, and rate it once it ended.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../core/http/server.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { supplyMaterials, withdrawCase } from './cases.service.ts';
import { getCaseForApplicant, listMyCases } from './cases.views.ts';
import { discardApplicationDraft, listApplicationDrafts } from './drafts.service.ts';
import { NOTICE_TITLES, type NoticeKind } from './notices/case-notice.ts';
import { findRatingForApplicant, rateCase } from './ratings.service.ts';
import { RATING_LEVELS, type RatingLevel } from './service-catalogue.ts';
import { applicantOf, messageOf, seeOther, sendMessagePage, sendServicePage, signInUrl, textField, UUID_PATTERN, type ServicePageDeps } from './services.pages.common.ts';
import { firstField, readPageMultipartForm } from './services.pages.uploads.ts';
import { formatDate, formatDateTime, pageLinks, progressView } from './services.pages.views.ts';

const PAGE_SIZE = 10;
type Applicant = NonNullable<ReturnType<typeof applicantOf>>;
type CaseDetail = Awaited<ReturnType<typeof getCaseForApplicant>>;

const NOTICES: Record<string, string> = {
  supplied: '补正材料已提交，办件继续办理。',
  withdrawn: '申请已撤回。',
  rated: '感谢您的评价。',
};

/** The signed-in applicant and their case, or null after answering with the sign-in redirect or the 404 page. */
async function loadOwnCase(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, caseId: string): Promise<{ applicant: Applicant; detail: CaseDetail } | null> {
  const applicant = applicantOf(request);
  if (!applicant) {
    await seeOther(reply, signInUrl(`/services/my/${encodeURIComponent(caseId)}`));
    return null;
  }
  const notFound = () => sendMessagePage(deps, request, reply, { status: 404, title: '办件不存在', lead: '没有找到这件办件，或它不属于当前登录的账号。', links: [{ title: '我的办件', url: '/services/my' }, { title: '返回办事大厅', url: '/services' }] });
  if (!UUID_PATTERN.test(caseId)) return notFound().then(() => null);
  try {
    return { applicant, detail: await getCaseForApplicant(deps, applicant, caseId) };
  } catch (error) {
    if (isAppError(error, 'CASE_NOT_FOUND')) return notFound().then(() => null);
    throw error;
  }
}

async function sendCase(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, detail: CaseDetail, extra: { notice?: string; supplyError?: string; withdrawError?: string; withdrawReason?: string; ratingError?: string; ratingComment?: string; status?: number } = {}) {
  const rating = await findRatingForApplicant(deps, detail.id);
  const ended = detail.status === 'concluded' || detail.status === 'refused';
  const supplyItems = (detail.supplementRequest ?? []).map((item, index) => ({ ...item, id: `supply-${index + 1}`, uploadable: item.materialKey !== null && item.materialKey !== '' }));
  return sendServicePage(deps, request, reply, {
    template: 'my-case',
    title: `办件详情：${detail.caseNumber}`,
    status: extra.status ?? 200,
    breadcrumbs: [{ title: '我的办件', url: '/services/my' }, { title: detail.caseNumber }],
    data: {
      detail: {
        id: detail.id, caseNumber: detail.caseNumber, queryCode: detail.queryCode ?? '', itemName: detail.itemName, itemId: detail.itemId, unitName: detail.unitName,
        submittedAt: formatDateTime(detail.submittedAt), version: detail.version, form: detail.form,
        materials: detail.materials.map((material) => ({ name: material.name, fileName: material.fileName ?? '', round: material.round, createdAt: formatDateTime(material.createdAt) })),
        progress: progressView(detail),
        canSupply: detail.allowedActions.includes('supply'),
        canWithdraw: detail.allowedActions.includes('withdraw'),
        supplyItems,
        notices: detail.notices.map((kind) => ({ title: NOTICE_TITLES[kind as NoticeKind] ?? kind, url: `/api/my/cases/${detail.id}/notices/${kind}` })),
        canRate: ended && rating === null,
        rating: rating ? { ...rating, ratedAt: formatDateTime(rating.ratedAt) } : null,
        ratingLevels: (Object.keys(RATING_LEVELS) as RatingLevel[]).map((level) => ({ value: level, name: RATING_LEVELS[level].zh })),
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
    const requested = Number.parseInt(textField(request.query, 'page'), 10);
    const page = Number.isFinite(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
    const { items, total } = await listMyCases(deps, applicant, page, PAGE_SIZE);
    const drafts = await listApplicationDrafts(deps.db, applicant);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return sendServicePage(deps, request, reply, {
      template: 'my-cases',
      title: '我的办件',
      breadcrumbs: [{ title: '我的办件' }],
      data: {
        cases: items.map((item) => ({ ...item, url: `/services/my/${item.id}`, submittedAt: formatDateTime(item.submittedAt), deadline: formatDate(item.caseDeadline) })),
        total,
        paging: pageLinks('/services/my', {}, page, pageCount),
        drafts: drafts.map((draft) => ({ id: draft.id, itemName: draft.itemName, updatedAt: formatDateTime(draft.updatedAt), url: `/services/apply/${draft.itemId}?draft=${draft.id}` })),
      },
    });
  });

  app.get<{ Params: { id: string } }>('/services/my/:id', { schema: { hide: true } }, async (request, reply) => {
    const loaded = await loadOwnCase(deps, request, reply, request.params.id);
    if (!loaded) return reply;
    return sendCase(deps, request, reply, loaded.detail, { notice: NOTICES[textField(request.query, 'done')] ?? '' });
  });

  app.get<{ Params: { id: string } }>('/services/my/:id/receipt', { schema: { hide: true } }, async (request, reply) => {
    const loaded = await loadOwnCase(deps, request, reply, request.params.id);
    if (!loaded) return reply;
    const { detail } = loaded;
    return sendServicePage(deps, request, reply, {
      template: 'receipt',
      title: '申请已提交',
      breadcrumbs: [{ title: '我的办件', url: '/services/my' }, { title: '申请回执' }],
      data: { receipt: { id: detail.id, caseNumber: detail.caseNumber, queryCode: detail.queryCode ?? '', itemName: detail.itemName, unitName: detail.unitName, submittedAt: formatDateTime(detail.submittedAt), deadline: formatDate(detail.clock.caseDeadline) } },
    });
  });

  app.post<{ Params: { id: string } }>('/services/my/:id/supply', { schema: { hide: true }, config: { csrf: 'multipart-field' } }, async (request, reply) => {
    const loaded = await loadOwnCase(deps, request, reply, request.params.id);
    if (!loaded) return reply;
    if (!request.isMultipart()) return seeOther(reply, `/services/my/${loaded.detail.id}`);
    const posted = await readPageMultipartForm(deps, request, { maxFiles: 40 });
    const refused = posted.uploads.filter((upload) => upload.error).map((upload) => upload.error);
    const byKey = new Map<string, string[]>();
    for (const upload of posted.uploads) {
      const key = upload.fieldname.startsWith('supply.') ? upload.fieldname.slice('supply.'.length) : '';
      if (upload.fileId && key) byKey.set(key, [...(byKey.get(key) ?? []), upload.fileId]);
    }
    const materials = [...byKey].map(([materialKey, fileIds]) => ({ materialKey, fileIds: fileIds.slice(0, 10), reuseFileIds: [] as string[] }));
    if (refused.length > 0 || materials.length === 0) {
      return sendCase(deps, request, reply, loaded.detail, { status: 400, supplyError: refused.length > 0 ? refused.join('；') : '请选择要上传的补正材料' });
    }
    const version = Number.parseInt(firstField(posted, 'version'), 10);
    try {
      await supplyMaterials(deps, loaded.applicant, loaded.detail.id, { version: Number.isFinite(version) ? version : 0, materials, note: firstField(posted, 'note').slice(0, 1000) });
    } catch (error) {
      return sendCase(deps, request, reply, loaded.detail, { status: 409, supplyError: messageOf(error) });
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
    const level = textField(request.body, 'level');
    const comment = textField(request.body, 'comment').slice(0, 1000);
    if (!(level in RATING_LEVELS)) return sendCase(deps, request, reply, loaded.detail, { status: 400, ratingError: '请选择评价等级', ratingComment: comment });
    try {
      await rateCase(deps, loaded.applicant, loaded.detail.id, { level: level as RatingLevel, comment });
    } catch (error) {
      return sendCase(deps, request, reply, loaded.detail, { status: 409, ratingError: messageOf(error), ratingComment: comment });
    }
    return seeOther(reply, `/services/my/${loaded.detail.id}?done=rated`);
  });

  // A plain form: the server checks its _csrf field against the session before this runs.
  app.post<{ Params: { id: string } }>('/services/my/:id/withdraw', { schema: { hide: true } }, async (request, reply) => {
    const loaded = await loadOwnCase(deps, request, reply, request.params.id);
    if (!loaded) return reply;
    const reason = textField(request.body, 'reason').slice(0, 2000);
    if (reason.length < 2) return sendCase(deps, request, reply, loaded.detail, { status: 400, withdrawError: '请填写撤回原因（至少 2 个字）', withdrawReason: reason });
    const version = Number.parseInt(textField(request.body, 'version'), 10);
    try {
      await withdrawCase(deps, loaded.applicant, loaded.detail.id, { version: Number.isFinite(version) ? version : 0, reason });
    } catch (error) {
      return sendCase(deps, request, reply, loaded.detail, { status: 409, withdrawError: messageOf(error), withdrawReason: reason });
    }
    return seeOther(reply, `/services/my/${loaded.detail.id}?done=withdrawn`);
  });
}

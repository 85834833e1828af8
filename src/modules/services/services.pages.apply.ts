// 在线办理: the item's application form with its materials as one multipart form, submitted through
// submitApplication. A hidden idempotency key made when the form is shown turns a double submit into the
// same receipt, storing none of the repeated post's files; a form with mistakes comes back with each field's
// message, what was typed, and the files already uploaded (kept as ticked boxes, so nothing has to be chosen
// twice). Its text is in the visitor's language (t.hall); what the guide says stays as stored.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../core/http/server.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { formatMessage } from '../../core/i18n/format-message.ts';
import { findAccountFacts } from '../identity/index.ts';
import { checkApplicationForm, type FormProblem } from './application-form.ts';
import { submitApplication } from './cases.service.ts';
import { holdSubmission } from './application-replay.ts';
import { findCaseBySubmissionKey } from './cases.repository.ts';
import { getApplicationDraft, saveApplicationDraft } from './drafts.service.ts';
import { getFile } from '../../core/files/index.ts';
import { getPublishedGuide } from './service-catalogue.service.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import { applicantOf, hallTextOf, messageOf, seeOther, sendMessagePage, sendServicePage, signInUrl, textField, UUID_PATTERN, type ServicePageDeps } from './services.pages.common.ts';
import type { HallMessages } from './services.pages.messages.ts';
import { firstField, readPageMultipartForm, type PageMultipartForm } from './services.pages.uploads.ts';
import { daysText, fieldView } from './services.pages.views.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

interface KeptFile {
  fileId: string;
  fileName: string;
}

interface ApplyState {
  idempotencyKey: string;
  /** The draft this form continues ('' for a fresh form). */
  draftId: string;
  saved?: boolean;
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  files: Record<string, KeptFile[]>;
  materialErrors: Record<string, string[]>;
  general: string;
}

type Published = Awaited<ReturnType<typeof getPublishedGuide>>;

/** What a signed-in applicant's account already tells the form (name, ID number, phone), so they need not type it. */
async function prefill(deps: ServicePageDeps, userId: string, guide: ServiceGuide): Promise<Record<string, string>> {
  const account = await findAccountFacts(deps.db, userId);
  if (!account) return {};
  const known: Record<string, string | null> = { applicant_name: account.displayName, id_number: account.residentId, credit_code: account.creditCode, phone: account.phone, contact_phone: account.phone, email: account.email };
  const values: Record<string, string> = {};
  for (const field of guide.form) {
    const value = known[field.key];
    if (value) values[field.key] = value;
  }
  return values;
}

/** The hint under a material's file input: its form (原件 …), an accepted electronic licence, the guide's note. */
function materialHint(t: HallMessages, material: ServiceGuide['materials'][number]): string {
  const parts = [t.materialForms[material.form] ?? material.form];
  if (material.licenceType) parts.push(formatMessage(t.apply.licenceHint, { licence: material.licenceType }));
  if (material.note) parts.push(material.note);
  return parts.join(t.apply.hintSeparator);
}

function sendApplyForm(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, item: Published, state: ApplyState, status = 200) {
  const { guide } = item;
  const { language, t } = hallTextOf(request);
  const fields = guide.form.map((field) => fieldView(field, state.values[field.key] ?? '', state.fieldErrors[field.key] ?? '', language));
  const materials = guide.materials.map((material) => ({
    key: material.key,
    id: `material-${material.key}`,
    name: material.name,
    required: material.required,
    hint: materialHint(t, material),
    kept: (state.files[material.key] ?? []).map((file) => ({ ...file, value: `${file.fileId}/${file.fileName}` })),
    messages: state.materialErrors[material.key] ?? [],
  }));
  const errors = [
    ...fields.filter((field) => field.message).map((field) => ({ href: `#${field.id}`, text: formatMessage(t.formProblems.summaryLine, { label: field.label, message: field.message }) })),
    ...materials.flatMap((material) => material.messages.map((text) => ({ href: `#${material.id}`, text }))),
  ];
  return sendServicePage(deps, request, reply, {
    template: 'apply',
    title: formatMessage(t.apply.title, { name: item.name }),
    status,
    breadcrumbs: [{ title: t.common.guides, url: '/services/items' }, { title: item.name, url: `/services/items/${item.id}` }, { title: t.apply.crumb }],
    data: {
      item: { id: item.id, name: item.name, unitName: item.unitName, promised: guide.caseKind === 'immediate' ? t.units.immediate : daysText(guide.promisedDays, undefined, language), guideUrl: `/services/items/${item.id}`, place: guide.place },
      applyForm: { action: `/services/apply/${item.id}`, idempotencyKey: state.idempotencyKey, draftId: state.draftId, saved: state.saved === true, fields, materials, errors, general: state.general },
    },
  });
}

/** Loads the item an applicant may apply for, or answers with the page saying why not (null). */
async function loadApplicable(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, itemId: string, kind: 'citizen' | 'company'): Promise<Published | null> {
  const { t } = hallTextOf(request);
  const notFound = () => sendMessagePage(deps, request, reply, { status: 404, title: t.guide.notFoundTitle, lead: t.apply.notFoundLead, links: [{ title: t.common.findGuides, url: '/services/items' }] });
  if (!UUID_PATTERN.test(itemId)) return notFound().then(() => null);
  let item: Published;
  try {
    item = await getPublishedGuide(deps.db, itemId);
  } catch (error) {
    if (isAppError(error, 'ITEM_NOT_FOUND')) return notFound().then(() => null);
    throw error;
  }
  const guideLink = [{ title: t.common.viewGuide, url: `/services/items/${item.id}` }, { title: t.common.backToHall, url: '/services' }];
  if (!item.guide.onlineApplication) {
    await sendMessagePage(deps, request, reply, { status: 409, title: t.apply.notOnlineTitle, lead: formatMessage(t.apply.notOnlineLead, { name: item.name }), text: formatMessage(t.apply.notOnlineText, { place: item.guide.place || t.apply.defaultPlace }), links: guideLink });
    return null;
  }
  if (!item.guide.audiences.includes(kind === 'citizen' ? 'person' : 'company')) {
    await sendMessagePage(deps, request, reply, { status: 403, title: t.apply.audienceTitle, lead: formatMessage(t.apply.audienceLead, { name: item.name, kind: kind === 'citizen' ? t.common.person : t.common.company }), text: t.apply.audienceText, links: guideLink });
    return null;
  }
  return item;
}

/** The state of a posted form: typed values, files kept from before plus those just uploaded, and upload refusals. */
function stateOfPost(guide: ServiceGuide, posted: PageMultipartForm): ApplyState {
  const values: Record<string, string> = {};
  for (const field of guide.form) values[field.key] = firstField(posted, `form.${field.key}`);
  const files: Record<string, KeptFile[]> = {};
  const materialErrors: Record<string, string[]> = {};
  for (const material of guide.materials) {
    const kept = (posted.fields.get(`kept.${material.key}`) ?? []).flatMap((value) => {
      const slash = value.indexOf('/');
      const fileId = value.slice(0, slash);
      return slash > 0 && UUID_PATTERN.test(fileId) ? [{ fileId, fileName: value.slice(slash + 1).slice(0, 200) }] : [];
    });
    const fresh = posted.uploads.filter((upload) => upload.fieldname === `material.${material.key}`);
    files[material.key] = [...kept, ...fresh.flatMap((upload) => (upload.fileId ? [{ fileId: upload.fileId, fileName: upload.fileName }] : []))].slice(0, 10);
    materialErrors[material.key] = fresh.filter((upload) => upload.error).map((upload) => upload.error);
  }
  const key = firstField(posted, 'idempotencyKey');
  const draftId = firstField(posted, 'draftId');
  return { idempotencyKey: IDEMPOTENCY_KEY.test(key) ? key : randomUUID(), draftId: UUID_PATTERN.test(draftId) ? draftId : '', values, fieldErrors: {}, files, materialErrors, general: '' };
}

/** A form problem worded for the page: a missing field asks for it by name (请填写… / 请选择…). */
function problemText(t: HallMessages, problem: FormProblem, fieldType: string | undefined): string {
  const words = t.formProblems;
  if (problem.kind === 'required') return formatMessage(fieldType === 'select' ? words.requiredSelect : words.requiredText, { label: problem.label });
  return formatMessage(words[problem.kind], { max: problem.maxLength ?? '' });
}

/** Every problem the page can name field by field: the form check and the required materials. */
function findProblems(t: HallMessages, guide: ServiceGuide, state: ApplyState): boolean {
  const { problems } = checkApplicationForm(guide.form, state.values);
  const kinds = new Map(guide.form.map((field) => [field.key, field.type]));
  for (const problem of problems) state.fieldErrors[problem.field] = problemText(t, problem, kinds.get(problem.field));
  for (const material of guide.materials) {
    if (material.required && (state.files[material.key] ?? []).length === 0 && (state.materialErrors[material.key] ?? []).length === 0) {
      state.materialErrors[material.key] = [formatMessage(t.formProblems.materialMissing, { name: material.name })];
    }
  }
  return problems.length > 0 || Object.values(state.materialErrors).some((messages) => messages.length > 0);
}

/** The values and files of one of the applicant's drafts of this item, or null when there is none. */
async function resumeDraft(deps: ServicePageDeps, applicant: NonNullable<ReturnType<typeof applicantOf>>, draftId: string, itemId: string): Promise<{ values: Record<string, string>; files: Record<string, KeptFile[]> } | null> {
  try {
    const draft = await getApplicationDraft(deps.db, applicant, draftId);
    if (draft.itemId !== itemId) return null;
    const values = Object.fromEntries(Object.entries(draft.form).map(([key, value]) => [key, value === null ? '' : String(value)]));
    const files: Record<string, KeptFile[]> = {};
    for (const material of draft.materials) {
      const kept: KeptFile[] = [];
      for (const fileId of material.fileIds) {
        // Files of a draft are the applicant's own uploads; one that is gone (or attached elsewhere) is dropped.
        const file = await getFile(deps.db, applicant, fileId).catch(() => null);
        if (file) kept.push({ fileId, fileName: file.originalName });
      }
      files[material.materialKey] = kept;
    }
    return { values, files };
  } catch (error) {
    if (isAppError(error, 'DRAFT_NOT_FOUND')) return null;
    throw error;
  }
}

/** Registers GET and POST /services/apply/:itemId (submit, or save as a draft). */
export function registerApplyPages(app: App, deps: ServicePageDeps): void {
  app.get<{ Params: { itemId: string } }>('/services/apply/:itemId', { schema: { hide: true } }, async (request, reply) => {
    const applicant = applicantOf(request);
    if (!applicant) return seeOther(reply, signInUrl(`/services/apply/${encodeURIComponent(request.params.itemId)}`));
    const item = await loadApplicable(deps, request, reply, request.params.itemId, applicant.kind);
    if (!item) return reply;
    const draftId = textField(request.query, 'draft');
    const draft = UUID_PATTERN.test(draftId) ? await resumeDraft(deps, applicant, draftId, item.id) : null;
    const state: ApplyState = draft
      ? { idempotencyKey: randomUUID(), draftId, saved: textField(request.query, 'saved') === '1', values: draft.values, fieldErrors: {}, files: draft.files, materialErrors: {}, general: '' }
      : { idempotencyKey: randomUUID(), draftId: '', values: await prefill(deps, applicant.userId, item.guide), fieldErrors: {}, files: {}, materialErrors: {}, general: '' };
    return sendApplyForm(deps, request, reply, item, state);
  });

  app.post<{ Params: { itemId: string } }>('/services/apply/:itemId', { schema: { hide: true }, config: { csrf: 'multipart-field' } }, async (request, reply) => {
    const applicant = applicantOf(request);
    if (!applicant) return seeOther(reply, signInUrl(`/services/apply/${encodeURIComponent(request.params.itemId)}`));
    if (!request.isMultipart()) return seeOther(reply, `/services/apply/${encodeURIComponent(request.params.itemId)}`);
    const item = await loadApplicable(deps, request, reply, request.params.itemId, applicant.kind);
    if (!item) return reply;
    const earlier: { caseId: string | null } = { caseId: null };
    let release = () => {};
    try {
      // A repeated post of the same form (same idempotency key) is answered with the first receipt before any of
      // its files is stored; a post racing the first on this node waits for it (application-replay.ts).
      const posted = await readPageMultipartForm(deps, request, {
        maxFiles: Math.min(60, item.guide.materials.length * 5 + 5),
        decideUploads: async (fields) => {
          const key = fields.get('idempotencyKey')?.[0]?.trim() ?? '';
          if (!IDEMPOTENCY_KEY.test(key)) return true;
          release = await holdSubmission(applicant.userId, key);
          earlier.caseId = (await findCaseBySubmissionKey(deps.db, applicant.userId, key))?.id ?? null;
          return earlier.caseId === null;
        },
      });
      if (earlier.caseId !== null) return seeOther(reply, `/services/my/${earlier.caseId}/receipt`);
      return await handleApplication(deps, request, reply, applicant, item, posted);
    } finally {
      release();
    }
  });
}

/** A posted application form (its files stored): saved as a draft, shown again with its mistakes, or submitted. */
async function handleApplication(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, applicant: NonNullable<ReturnType<typeof applicantOf>>, item: Published, posted: PageMultipartForm) {
  const { language, t } = hallTextOf(request);
  const state = stateOfPost(item.guide, posted);
  if (firstField(posted, 'intent') === 'draft') {
    // A draft keeps whatever was typed and uploaded, mistakes included; the check comes at submission.
    const materials = Object.entries(state.files).map(([materialKey, files]) => ({ materialKey, fileIds: files.map((file) => file.fileId), reuseFileIds: [] as string[] })).filter((material) => material.fileIds.length > 0);
    try {
      const draft = await saveApplicationDraft(deps.db, applicant, { id: state.draftId || undefined, itemId: item.id, form: state.values, materials }, deps.now());
      return seeOther(reply, `/services/apply/${item.id}?draft=${draft.id}&saved=1`);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return sendApplyForm(deps, request, reply, item, { ...state, general: messageOf(error, language) }, 400);
    }
  }
  if (findProblems(t, item.guide, state)) return sendApplyForm(deps, request, reply, item, state, 400);
  const materials = item.guide.materials
    .map((material) => ({ materialKey: material.key, fileIds: [...new Set((state.files[material.key] ?? []).map((file) => file.fileId))], reuseFileIds: [] as string[] }))
    .filter((material) => material.fileIds.length > 0);
  try {
    const receipt = await submitApplication(deps, applicant, { itemId: item.id, form: state.values, materials, ...(state.draftId ? { draftId: state.draftId } : {}) }, state.idempotencyKey);
    return seeOther(reply, `/services/my/${receipt.id}/receipt`);
  } catch (error) {
    if (!isAppError(error) || error.code === 'CSRF_INVALID') throw error;
    return sendApplyForm(deps, request, reply, item, { ...state, general: messageOf(error, language) }, 400);
  }
}

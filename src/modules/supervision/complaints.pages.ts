// The complainant's pages of 投诉 in the online service hall, built like the hall's own account pages and drawn
// in the site frame with the hall's stylesheet: 我的投诉 (the list), one complaint with its progress and the
// office's answer, and 我要投诉 — one multipart form (its `_csrf` field first) about one of the applicant's cases
// or a department or hall of the county, with evidence files. A form with mistakes comes back with each field's
// message, what was typed and the files already uploaded (kept as ticked boxes); a good one is filed through
// submitComplaint and answered with a 303 to the complaint. No JavaScript is needed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../core/errors/app-error.ts';
import type { App } from '../../core/http/server.ts';
import { formatMessage } from '../../core/i18n/format-message.ts';
import { normalizeMobilePhone } from '../../core/ids/index.ts';
import { findAccountFacts } from '../identity/index.ts';
import { sendSitePage } from '../portal/index.ts';
import {
  applicantOf,
  findCaseOfApplicant,
  firstField,
  formatDate,
  hallTextOf,
  listMyCases,
  messageOf,
  pageFormsOf,
  pageLinks,
  seeOther,
  signInUrl,
  textField,
  UUID_PATTERN,
  type Breadcrumb,
  type PageMultipartForm,
} from '../services/index.ts';
import { complaintDetailView, complaintPageMessages, complaintRowView, getMyComplaintWithHistory } from './complaints.pages.views.ts';
import type { SubmitComplaintInput } from './complaints.schema.ts';
import { listComplaintUnits, listMyComplaints, submitComplaint } from './complaints.service.ts';
import { readComplaintPolicy } from './complaints.settings.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

const PAGE_SIZE = 10;
const MAX_FILES = 10;
const CONTENT_MIN = 10;
const CONTENT_MAX = 4000;
/** A post identical to one of the complainant's complaints filed this recently is taken for a double submit. */
const TWIN_WINDOW_MS = 10 * 60_000;
/** Case choices offered in the form: the applicant's newest cases (plus the one the page came from). */
const CASE_CHOICES = 100;

type Applicant = NonNullable<ReturnType<typeof applicantOf>>;

interface KeptFile {
  fileId: string;
  fileName: string;
}

interface ComplaintFormState {
  /** `case:<id>`, `unit:<id>` or '' (not chosen). */
  target: string;
  content: string;
  contactPhone: string;
  files: KeptFile[];
  errors: { target: string; content: string; contactPhone: string; files: string[] };
  general: string;
}

const noErrors = () => ({ target: '', content: '', contactPhone: '', files: [] as string[] });

/** Sends a complaint page in the site frame: the hall's breadcrumb start and stylesheet, t.hall and t.complaints. */
function sendComplaintPage(deps: SupervisionDeps, request: FastifyRequest, reply: FastifyReply, spec: { template: string; title: string; status?: number; breadcrumbs: Breadcrumb[]; data: Record<string, unknown> }) {
  const { language, t: hall } = hallTextOf(request);
  const trail: Breadcrumb[] = [{ title: hall.common.home, url: '/' }, { title: hall.common.hall, url: '/services' }, ...spec.breadcrumbs];
  return sendSitePage(deps.db, request, reply, {
    template: spec.template,
    title: spec.title,
    stylesheets: ['services.css', 'complaints.css'],
    status: spec.status ?? 200,
    data: { ...spec.data, breadcrumbs: trail },
    messages: { hall, complaints: complaintPageMessages(language) },
  });
}

function sendNotFound(deps: SupervisionDeps, request: FastifyRequest, reply: FastifyReply) {
  const { language, t: hall } = hallTextOf(request);
  const t = complaintPageMessages(language);
  const links = [{ title: t.common.myComplaints, url: '/services/complaints' }, { title: hall.common.backToHall, url: '/services' }];
  return sendComplaintPage(deps, request, reply, {
    template: 'services/message',
    title: t.detail.notFoundTitle,
    status: 404,
    breadcrumbs: [{ title: t.detail.notFoundTitle }],
    data: { message: { title: t.detail.notFoundTitle, lead: t.detail.notFoundLead, links } },
  });
}

/** The choices of the form's one select: the applicant's cases, the county's departments and its halls. */
async function targetChoices(deps: SupervisionDeps, applicant: Applicant, language: 'zh' | 'en', wantedCaseId: string) {
  const t = complaintPageMessages(language);
  const [{ items }, units] = await Promise.all([listMyCases(deps, applicant, 1, CASE_CHOICES), listComplaintUnits(deps, applicant)]);
  const cases = items.map((item) => ({ value: `case:${item.id}`, label: formatMessage(t.form.caseOption, { number: item.caseNumber, item: item.itemName }), caseNumber: item.caseNumber, itemName: item.itemName }));
  if (UUID_PATTERN.test(wantedCaseId) && !items.some((item) => item.id === wantedCaseId)) {
    const older = await findCaseOfApplicant(deps.db, wantedCaseId, applicant.userId);
    if (older) cases.push({ value: `case:${older.id}`, label: formatMessage(t.common.caseTarget, { number: older.case_number }), caseNumber: older.case_number, itemName: '' });
  }
  const unitChoice = (unit: { id: string; name: string }) => ({ value: `unit:${unit.id}`, label: unit.name });
  return {
    cases,
    departments: units.filter((unit) => unit.kind !== 'service_hall').map(unitChoice),
    halls: units.filter((unit) => unit.kind === 'service_hall').map(unitChoice),
  };
}

async function sendForm(deps: SupervisionDeps, request: FastifyRequest, reply: FastifyReply, applicant: Applicant, state: ComplaintFormState, status = 200) {
  const { language, t: hall } = hallTextOf(request);
  const t = complaintPageMessages(language);
  const choices = await targetChoices(deps, applicant, language, state.target.startsWith('case:') ? state.target.slice('case:'.length) : '');
  const fromCase = choices.cases.find((choice) => choice.value === state.target);
  const { replyDays } = await readComplaintPolicy(deps.db);
  const line = (id: string, label: string, message: string) => ({ href: `#${id}`, text: formatMessage(hall.formProblems.summaryLine, { label, message }) });
  const errors = [
    ...(state.errors.target ? [line('complaint-target', t.form.target, state.errors.target)] : []),
    ...(state.errors.content ? [line('complaint-content', t.form.content, state.errors.content)] : []),
    ...(state.errors.contactPhone ? [line('complaint-phone', t.form.contactPhone, state.errors.contactPhone)] : []),
    ...state.errors.files.map((text) => ({ href: '#complaint-files', text })),
  ];
  return sendComplaintPage(deps, request, reply, {
    template: 'supervision/complaint-form',
    title: t.common.newComplaint,
    status,
    breadcrumbs: [{ title: t.common.myComplaints, url: '/services/complaints' }, { title: t.form.crumb }],
    data: {
      complaintForm: {
        action: '/services/complaints/new',
        intro: formatMessage(t.form.intro, { days: replyDays }),
        limit: formatMessage(t.form.noteLimitValue, { days: replyDays }),
        fromCase: fromCase && status === 200 ? formatMessage(t.form.fromCase, { number: fromCase.caseNumber, item: fromCase.itemName || '—' }) : '',
        target: state.target,
        content: state.content,
        contactPhone: state.contactPhone,
        kept: state.files.map((file) => ({ ...file, value: `${file.fileId}/${file.fileName}` })),
        choices,
        fieldErrors: state.errors,
        errors,
        general: state.general,
        maxLength: CONTENT_MAX,
      },
    },
  });
}

/** The state of a posted form: what was typed, the files kept from before plus those just uploaded, upload refusals. */
function stateOfPost(posted: PageMultipartForm): ComplaintFormState {
  const kept = (posted.fields.get('kept') ?? []).flatMap((value) => {
    const slash = value.indexOf('/');
    const fileId = value.slice(0, slash);
    return slash > 0 && UUID_PATTERN.test(fileId) ? [{ fileId, fileName: value.slice(slash + 1).slice(0, 200) }] : [];
  });
  const fresh = posted.uploads.filter((upload) => upload.fieldname === 'files');
  const files = [...kept, ...fresh.flatMap((upload) => (upload.fileId ? [{ fileId: upload.fileId, fileName: upload.fileName }] : []))];
  return {
    target: firstField(posted, 'target').slice(0, 60),
    content: firstField(posted, 'content').slice(0, CONTENT_MAX + 1000),
    contactPhone: firstField(posted, 'contactPhone').slice(0, 40),
    files: [...new Map(files.map((file) => [file.fileId, file])).values()],
    errors: { ...noErrors(), files: fresh.filter((upload) => upload.error).map((upload) => upload.error) },
    general: '',
  };
}

/** Checks the form field by field (in the page's words); the input for submitComplaint when all is well. */
function checkForm(state: ComplaintFormState, language: 'zh' | 'en'): SubmitComplaintInput | null {
  const t = complaintPageMessages(language).form;
  const match = /^(case|unit):(.+)$/.exec(state.target);
  const targetId = match?.[2] ?? '';
  if (!match || !UUID_PATTERN.test(targetId)) state.errors.target = t.noTarget;
  if (state.content.length < CONTENT_MIN) state.errors.content = t.contentTooShort;
  else if (state.content.length > CONTENT_MAX) state.errors.content = t.contentTooLong;
  const phone = state.contactPhone === '' ? null : normalizeMobilePhone(state.contactPhone);
  if (state.contactPhone !== '' && phone === null) state.errors.contactPhone = t.phoneInvalid;
  if (state.files.length > MAX_FILES) state.errors.files.push(t.tooManyFiles);
  const { errors } = state;
  if (errors.target || errors.content || errors.contactPhone || errors.files.length > 0) return null;
  return {
    ...(match?.[1] === 'case' ? { caseId: targetId } : { unitId: targetId }),
    content: state.content,
    ...(phone ? { contactPhone: phone } : {}),
    fileIds: state.files.map((file) => file.fileId),
  };
}

/** A complaint of this complainant just like the input, filed moments ago: the first post of a double submit. */
async function findTwin(deps: SupervisionDeps, applicant: Applicant, input: SubmitComplaintInput, unitName: string | undefined): Promise<string | null> {
  const { items } = await listMyComplaints(deps, applicant, 1, 5);
  const since = deps.now().getTime() - TWIN_WINDOW_MS;
  const twin = items.find((item) => Date.parse(item.createdAt) >= since && item.content === input.content
    && (input.caseId !== undefined ? item.caseId === input.caseId : item.caseId === null && item.unitName === unitName));
  return twin?.id ?? null;
}

/** Registers /services/complaints (我的投诉), /services/complaints/new (我要投诉) and /services/complaints/:id. */
export function registerComplaintPages(app: App, deps: SupervisionDeps): void {
  app.get('/services/complaints', { schema: { hide: true } }, async (request, reply) => {
    const applicant = applicantOf(request);
    if (!applicant) return seeOther(reply, signInUrl('/services/complaints'));
    const { language } = hallTextOf(request);
    const t = complaintPageMessages(language);
    const requested = Number.parseInt(textField(request.query, 'page'), 10);
    const page = Number.isFinite(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
    const { items, total } = await listMyComplaints(deps, applicant, page, PAGE_SIZE);
    return sendComplaintPage(deps, request, reply, {
      template: 'supervision/my-complaints',
      title: t.common.myComplaints,
      breadcrumbs: [{ title: t.common.myComplaints }],
      data: { complaints: items.map((item) => complaintRowView(item, language)), total, paging: pageLinks('/services/complaints', {}, page, Math.max(1, Math.ceil(total / PAGE_SIZE))) },
    });
  });

  app.get('/services/complaints/new', { schema: { hide: true } }, async (request, reply) => {
    const caseId = textField(request.query, 'caseId');
    const applicant = applicantOf(request);
    if (!applicant) return seeOther(reply, signInUrl(UUID_PATTERN.test(caseId) ? `/services/complaints/new?caseId=${caseId}` : '/services/complaints/new'));
    const account = await findAccountFacts(deps.db, applicant.userId);
    const target = UUID_PATTERN.test(caseId) && (await findCaseOfApplicant(deps.db, caseId, applicant.userId)) ? `case:${caseId.toLowerCase()}` : '';
    return sendForm(deps, request, reply, applicant, { target, content: '', contactPhone: account?.phone ?? '', files: [], errors: noErrors(), general: '' });
  });

  app.post('/services/complaints/new', { schema: { hide: true }, config: { csrf: 'multipart-field' } }, async (request, reply) => {
    const applicant = applicantOf(request);
    if (!applicant) return seeOther(reply, signInUrl('/services/complaints/new'));
    if (!request.isMultipart()) return seeOther(reply, '/services/complaints/new');
    const { language } = hallTextOf(request);
    const state = stateOfPost(await pageFormsOf(app)(request, { maxFiles: MAX_FILES * 2 }));
    const input = checkForm(state, language);
    if (!input) return sendForm(deps, request, reply, applicant, state, 400);
    const unitName = input.unitId ? (await listComplaintUnits(deps, applicant)).find((unit) => unit.id === input.unitId)?.name : undefined;
    const twin = await findTwin(deps, applicant, input, unitName);
    if (twin) return seeOther(reply, `/services/complaints/${twin}?done=filed`);
    try {
      const filed = await submitComplaint(deps, applicant, input);
      return seeOther(reply, `/services/complaints/${filed.id}?done=filed`);
    } catch (error) {
      if (!isAppError(error) || error.code === 'CSRF_INVALID') throw error;
      const message = messageOf(error, language);
      if (error.code === 'COMPLAINT_CASE_UNKNOWN' || error.code === 'COMPLAINT_UNIT_UNKNOWN') state.errors.target = message;
      else state.general = message;
      return sendForm(deps, request, reply, applicant, state, 400);
    }
  });

  app.get<{ Params: { id: string } }>('/services/complaints/:id', { schema: { hide: true } }, async (request, reply) => {
    const applicant = applicantOf(request);
    if (!applicant) return seeOther(reply, signInUrl(`/services/complaints/${encodeURIComponent(request.params.id)}`));
    if (!UUID_PATTERN.test(request.params.id)) return sendNotFound(deps, request, reply);
    let loaded: Awaited<ReturnType<typeof getMyComplaintWithHistory>>;
    try {
      loaded = await getMyComplaintWithHistory(deps, applicant, request.params.id);
    } catch (error) {
      if (isAppError(error, 'COMPLAINT_NOT_FOUND')) return sendNotFound(deps, request, reply);
      throw error;
    }
    const { language } = hallTextOf(request);
    const t = complaintPageMessages(language);
    const { complaint } = loaded;
    const filed = textField(request.query, 'done') === 'filed' ? formatMessage(t.detail.filed, { number: complaint.complaintNumber, date: formatDate(complaint.dueOn, language) }) : '';
    return sendComplaintPage(deps, request, reply, {
      template: 'supervision/complaint',
      title: formatMessage(t.detail.title, { number: complaint.complaintNumber }),
      breadcrumbs: [{ title: t.common.myComplaints, url: '/services/complaints' }, { title: complaint.complaintNumber }],
      data: { complaint: complaintDetailView(complaint, loaded.history, language), notice: filed },
    });
  });
}

// The hall's catalogue pages: the hall home (/services), the filtered item list (/services/items) and one
// item's complete service guide (/services/items/:id). Everything is a plain link or a GET form.
import type { FastifyRequest } from 'fastify';
import type { App } from '../../core/http/server.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { findServedCounty, listDepartmentsUnder } from '../identity/index.ts';
import { AUDIENCES, THEMES, type Audience } from './service-catalogue.ts';
import { getPublishedGuide, listLifeEvents, listPublishedItems, listThemes } from './service-catalogue.service.ts';
import { applicantOf, sendMessagePage, sendServicePage, signInUrl, textField, UUID_PATTERN, type ServicePageDeps } from './services.pages.common.ts';
import { daysText, guideView, pageLinks } from './services.pages.views.ts';

const PAGE_SIZE = 10;

async function listDepartments(deps: ServicePageDeps): Promise<Array<{ id: string; name: string }>> {
  const county = await findServedCounty(deps.db);
  if (!county) return [];
  return (await listDepartmentsUnder(deps.db, county.path)).filter((unit) => unit.kind === 'department' || unit.kind === 'service_hall');
}

/** The list filters as read from the query; unknown values are dropped rather than refused. */
interface ItemQuery {
  q: string;
  theme: string;
  unit: string;
  audience: string;
  lifeEvent: string;
  page: number;
}

function readItemQuery(request: FastifyRequest): ItemQuery {
  const query = request.query;
  const theme = textField(query, 'theme');
  const unit = textField(query, 'unit');
  const audience = textField(query, 'audience');
  const lifeEvent = textField(query, 'lifeEvent');
  const page = Number.parseInt(textField(query, 'page'), 10);
  return {
    q: textField(query, 'q').slice(0, 50),
    theme: THEMES.some((candidate) => candidate.code === theme) ? theme : '',
    unit: UUID_PATTERN.test(unit) ? unit : '',
    audience: audience in AUDIENCES ? audience : '',
    lifeEvent: /^[a-z0-9_-]{1,40}$/i.test(lifeEvent) ? lifeEvent : '',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

function itemCard(item: Awaited<ReturnType<typeof listPublishedItems>>['items'][number], signedIn: boolean) {
  const applyUrl = `/services/apply/${item.id}`;
  return {
    id: item.id,
    name: item.name,
    unitName: item.unitName,
    itemTypeName: item.itemTypeName,
    caseKindName: item.caseKind === 'immediate' ? '即办件' : '承诺件',
    promised: item.caseKind === 'immediate' ? '即办' : daysText(item.promisedDays),
    audiences: item.audiences.map((audience) => AUDIENCES[audience as Audience]?.zh ?? audience).join('、'),
    online: item.onlineApplication,
    guideUrl: `/services/items/${item.id}`,
    applyUrl: signedIn ? applyUrl : signInUrl(applyUrl),
  };
}

/** Registers GET /services, /services/items and /services/items/:id. */
export function registerCataloguePages(app: App, deps: ServicePageDeps): void {
  app.get('/services', { schema: { hide: true } }, async (request, reply) => {
    const [themes, lifeEvents, departments] = await Promise.all([listThemes(deps.db), listLifeEvents(deps.db), listDepartments(deps)]);
    const counted = await Promise.all(departments.map(async (unit) => ({ ...unit, itemCount: (await listPublishedItems(deps.db, { unitId: unit.id }, 1, 1)).total })));
    const total = (await listPublishedItems(deps.db, {}, 1, 1)).total;
    const themeView = (audience: Audience) => themes.filter((theme) => theme.audience === audience).map((theme) => ({ ...theme, initial: theme.name.slice(0, 1), url: `/services/items?theme=${theme.code}` }));
    return sendServicePage(deps, request, reply, {
      template: 'home',
      title: '网上办事',
      breadcrumbs: [],
      data: {
        total,
        personThemes: themeView('person'),
        companyThemes: themeView('company'),
        lifeEvents: lifeEvents.filter((event) => event.itemCount > 0).map((event) => ({ ...event, url: `/services/items?lifeEvent=${event.code}` })),
        departments: counted.filter((unit) => unit.itemCount > 0).map((unit) => ({ ...unit, url: `/services/items?unit=${unit.id}` })),
      },
    });
  });

  app.get('/services/items', { schema: { hide: true } }, async (request, reply) => {
    const query = readItemQuery(request);
    const [lifeEvents, departments] = await Promise.all([listLifeEvents(deps.db), listDepartments(deps)]);
    const lifeEvent = lifeEvents.find((event) => event.code === query.lifeEvent || event.id === query.lifeEvent);
    const unit = departments.find((candidate) => candidate.id === query.unit);
    const filter = {
      q: query.q || undefined,
      theme: query.theme || undefined,
      unitId: unit?.id,
      audience: query.audience || undefined,
      // An unknown life event matches nothing rather than everything.
      lifeEventId: query.lifeEvent ? (lifeEvent?.id ?? '00000000-0000-7000-8000-000000000000') : undefined,
    };
    const { items, total } = await listPublishedItems(deps.db, filter, query.page, PAGE_SIZE);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const kept = { q: query.q, theme: query.theme, unit: unit?.id ?? '', audience: query.audience, lifeEvent: lifeEvent?.code ?? query.lifeEvent };
    const without = (name: keyof typeof kept) => {
      const params = new URLSearchParams(Object.entries({ ...kept, [name]: '' }).filter(([, value]) => value !== ''));
      return params.size ? `/services/items?${params}` : '/services/items';
    };
    const theme = THEMES.find((candidate) => candidate.code === query.theme);
    const chips = [
      query.q && { label: `关键词：${query.q}`, removeUrl: without('q') },
      query.audience && { label: `服务对象：${AUDIENCES[query.audience as Audience].zh}`, removeUrl: without('audience') },
      theme && { label: `主题：${theme.zh}`, removeUrl: without('theme') },
      unit && { label: `部门：${unit.name}`, removeUrl: without('unit') },
      query.lifeEvent && { label: `一件事：${lifeEvent?.name ?? query.lifeEvent}`, removeUrl: without('lifeEvent') },
    ].filter(Boolean);
    const signedIn = applicantOf(request) !== null;
    return sendServicePage(deps, request, reply, {
      template: 'items',
      title: query.q ? `“${query.q}”的搜索结果` : '办事指南',
      breadcrumbs: [{ title: '办事指南' }],
      data: {
        query: kept,
        items: items.map((item) => itemCard(item, signedIn)),
        total,
        page: query.page,
        pageCount,
        paging: pageLinks('/services/items', kept, query.page, pageCount),
        chips,
        lifeEvent: lifeEvent ?? null,
        audiences: Object.entries(AUDIENCES).map(([code, names]) => ({ code, name: names.zh })),
        themes: THEMES.map((candidate) => ({ code: candidate.code, name: candidate.zh, audience: AUDIENCES[candidate.audience].zh })),
        departments,
        lifeEvents: lifeEvents.map((event) => ({ code: event.code, name: event.name })),
      },
    });
  });

  app.get<{ Params: { id: string } }>('/services/items/:id', { schema: { hide: true } }, async (request, reply) => {
    const notFound = () => sendMessagePage(deps, request, reply, {
      status: 404,
      title: '事项不存在',
      lead: '您查找的事项不存在或已停止办理。',
      text: '请在办事指南中重新查找，或拨打页面底部的咨询电话。',
      links: [{ title: '查找办事指南', url: '/services/items' }, { title: '返回办事大厅', url: '/services' }],
    });
    if (!UUID_PATTERN.test(request.params.id)) return notFound();
    let published: Awaited<ReturnType<typeof getPublishedGuide>>;
    try {
      published = await getPublishedGuide(deps.db, request.params.id);
    } catch (error) {
      if (isAppError(error, 'ITEM_NOT_FOUND')) return notFound();
      throw error;
    }
    const guide = guideView(published, published.guide, published.process);
    const applicant = applicantOf(request);
    const applyPath = `/services/apply/${published.id}`;
    const audienceOfViewer = applicant ? (applicant.kind === 'citizen' ? 'person' : 'company') : null;
    return sendServicePage(deps, request, reply, {
      template: 'guide',
      title: published.name,
      breadcrumbs: [{ title: '办事指南', url: '/services/items' }, { title: published.name }],
      data: {
        guide,
        apply: {
          possible: guide.onlineApplication,
          url: applicant ? applyPath : signInUrl(applyPath),
          signedIn: applicant !== null,
          audienceMismatch: audienceOfViewer !== null && !published.guide.audiences.includes(audienceOfViewer),
        },
      },
    });
  });
}

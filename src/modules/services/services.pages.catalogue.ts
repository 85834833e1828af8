// The hall's catalogue pages: the hall home (/services), the filtered item list (/services/items) and one
// item's complete service guide (/services/items/:id). Everything is a plain link or a GET form.
import type { FastifyRequest } from 'fastify';
import type { App } from '../../core/http/server.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { formatMessage } from '../../core/i18n/format-message.ts';
import { findServedCounty, listDepartmentsUnder } from '../identity/index.ts';
import { AUDIENCES, CASE_KINDS, THEMES, type Audience } from './service-catalogue.ts';
import { getPublishedGuide, listLifeEvents, listPublishedItems, listThemes } from './service-catalogue.service.ts';
import { applicantOf, hallTextOf, sendMessagePage, sendServicePage, signInUrl, textField, UUID_PATTERN, type ServicePageDeps } from './services.pages.common.ts';
import type { HallMessages, Language } from './services.pages.messages.ts';
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

function itemCard(item: Awaited<ReturnType<typeof listPublishedItems>>['items'][number], signedIn: boolean, language: Language, t: HallMessages) {
  const applyUrl = `/services/apply/${item.id}`;
  return {
    id: item.id,
    name: item.name,
    unitName: item.unitName,
    itemTypeName: item.itemTypeName,
    caseKindName: CASE_KINDS[item.caseKind === 'immediate' ? 'immediate' : 'promised'][language],
    promised: item.caseKind === 'immediate' ? t.units.immediate : daysText(item.promisedDays, undefined, language),
    audiences: item.audiences.map((audience) => AUDIENCES[audience as Audience]?.[language] ?? audience).join(t.common.listSeparator),
    online: item.onlineApplication,
    guideUrl: `/services/items/${item.id}`,
    applyUrl: signedIn ? applyUrl : signInUrl(applyUrl),
  };
}

/** Registers GET /services, /services/items and /services/items/:id. */
export function registerCataloguePages(app: App, deps: ServicePageDeps): void {
  app.get('/services', { schema: { hide: true } }, async (request, reply) => {
    const { language, t } = hallTextOf(request);
    const [themes, lifeEvents, departments] = await Promise.all([listThemes(deps.db, language), listLifeEvents(deps.db, language), listDepartments(deps)]);
    const counted = await Promise.all(departments.map(async (unit) => ({ ...unit, itemCount: (await listPublishedItems(deps.db, { unitId: unit.id }, 1, 1)).total })));
    const total = (await listPublishedItems(deps.db, {}, 1, 1)).total;
    const themeView = (audience: Audience) => themes.filter((theme) => theme.audience === audience).map((theme) => ({ ...theme, initial: theme.name.slice(0, 1), url: `/services/items?theme=${theme.code}` }));
    return sendServicePage(deps, request, reply, {
      template: 'home',
      title: t.home.title,
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
    const { language, t } = hallTextOf(request);
    const query = readItemQuery(request);
    const [lifeEvents, departments] = await Promise.all([listLifeEvents(deps.db, language), listDepartments(deps)]);
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
    const { items, total } = await listPublishedItems(deps.db, filter, query.page, PAGE_SIZE, language);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const kept = { q: query.q, theme: query.theme, unit: unit?.id ?? '', audience: query.audience, lifeEvent: lifeEvent?.code ?? query.lifeEvent };
    const without = (name: keyof typeof kept) => {
      const params = new URLSearchParams(Object.entries({ ...kept, [name]: '' }).filter(([, value]) => value !== ''));
      return params.size ? `/services/items?${params}` : '/services/items';
    };
    const theme = THEMES.find((candidate) => candidate.code === query.theme);
    const chip = (label: string, value: string, name: keyof typeof kept) => ({ label: formatMessage(label, { value }), removeUrl: without(name) });
    const chips = [
      query.q && chip(t.items.chipKeyword, query.q, 'q'),
      query.audience && chip(t.items.chipAudience, AUDIENCES[query.audience as Audience][language], 'audience'),
      theme && chip(t.items.chipTheme, theme[language], 'theme'),
      unit && chip(t.items.chipUnit, unit.name, 'unit'),
      query.lifeEvent && chip(t.items.chipLifeEvent, lifeEvent?.name ?? query.lifeEvent, 'lifeEvent'),
    ].filter(Boolean);
    const signedIn = applicantOf(request) !== null;
    return sendServicePage(deps, request, reply, {
      template: 'items',
      title: query.q ? formatMessage(t.items.searchTitle, { q: query.q }) : t.common.guides,
      breadcrumbs: [{ title: t.common.guides }],
      data: {
        query: kept,
        items: items.map((item) => itemCard(item, signedIn, language, t)),
        total,
        page: query.page,
        pageCount,
        paging: pageLinks('/services/items', kept, query.page, pageCount),
        chips,
        lifeEvent: lifeEvent ?? null,
        audiences: Object.entries(AUDIENCES).map(([code, names]) => ({ code, name: names[language] })),
        themes: THEMES.map((candidate) => ({ code: candidate.code, name: formatMessage(t.items.themeOption, { name: candidate[language], audience: AUDIENCES[candidate.audience][language] }) })),
        departments,
        lifeEvents: lifeEvents.map((event) => ({ code: event.code, name: event.name })),
      },
    });
  });

  app.get<{ Params: { id: string } }>('/services/items/:id', { schema: { hide: true } }, async (request, reply) => {
    const { language, t } = hallTextOf(request);
    const notFound = () => sendMessagePage(deps, request, reply, {
      status: 404,
      title: t.guide.notFoundTitle,
      lead: t.guide.notFoundLead,
      text: t.guide.notFoundText,
      links: [{ title: t.common.findGuides, url: '/services/items' }, { title: t.common.backToHall, url: '/services' }],
    });
    if (!UUID_PATTERN.test(request.params.id)) return notFound();
    let published: Awaited<ReturnType<typeof getPublishedGuide>>;
    try {
      published = await getPublishedGuide(deps.db, request.params.id, language);
    } catch (error) {
      if (isAppError(error, 'ITEM_NOT_FOUND')) return notFound();
      throw error;
    }
    const guide = guideView(published, published.guide, published.process, language);
    const applicant = applicantOf(request);
    const applyPath = `/services/apply/${published.id}`;
    const audienceOfViewer = applicant ? (applicant.kind === 'citizen' ? 'person' : 'company') : null;
    return sendServicePage(deps, request, reply, {
      template: 'guide',
      title: published.name,
      breadcrumbs: [{ title: t.common.guides, url: '/services/items' }, { title: published.name }],
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

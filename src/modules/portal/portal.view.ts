// Pure view-model helpers for the portal templates: display mode, navigation, site map, footer links and the "today" box.
import { formatMessage } from '../../core/i18n/format-message.ts';
import type { Language } from './portal.language.ts';
import { portalMessages, type PortalMessages } from './portal.messages.ts';
import type { PortalSite } from './portal.pages.ts';

export type PortalMode = 'standard' | 'elderly';

export const MODE_COOKIE = 'zt_mode';

export interface NavItem {
  title: string;
  url: string;
  /** The language of the title when it is not the page's (the names of the languages). */
  lang?: string;
  children?: NavItem[];
}

/** Header navigation, in display order. */
export function navItems(t: PortalMessages): NavItem[] {
  return [
    { title: t.nav.home, url: '/' },
    { title: t.nav.services, url: '/services' },
    { title: t.nav.disclosure, url: '/disclosure' },
    { title: t.nav.interaction, url: '/interaction' },
    { title: t.nav.sitemap, url: '/sitemap' },
  ];
}

/** Every section and page of the portal as a tree, for the site map. */
export function sitemapTree(t: PortalMessages): NavItem[] {
  const map = t.sitemap;
  return [
    {
      title: t.nav.home,
      url: '/',
      children: [
        { title: map.news, url: '/#news' },
        { title: map.today, url: '/#today' },
        { title: map.hall, url: '/#hall' },
        { title: map.departments, url: '/#departments' },
      ],
    },
    {
      title: t.nav.services,
      url: '/services',
      children: [
        { title: map.hallHome, url: '/services' },
        { title: map.items, url: '/services/items' },
        { title: map.lookup, url: '/services/lookup' },
        { title: map.myCases, url: '/services/my' },
        { title: map.newComplaint, url: '/services/complaints/new' },
        { title: map.myComplaints, url: '/services/complaints' },
        { title: map.signIn, url: '/services/sign-in' },
      ],
    },
    { title: t.nav.disclosure, url: '/disclosure', children: [] },
    { title: t.nav.interaction, url: '/interaction', children: [] },
    {
      title: map.siteServices,
      url: '/sitemap',
      children: [
        { title: map.title, url: '/sitemap' },
        { title: map.elderlyMode, url: '/?mode=elderly' },
        { title: map.standardMode, url: '/?mode=standard' },
        // Each language is named in itself, so a reader of the other language finds it.
        { title: 'English', url: '/?lang=en', lang: 'en' },
        { title: '中文', url: '/?lang=zh', lang: 'zh-CN' },
      ],
    },
  ];
}

/** Returns the mode named by a `mode` query value, or null when the value is absent or unknown. */
export function parseMode(value: unknown): PortalMode | null {
  return value === 'elderly' || value === 'standard' ? value : null;
}

/** Reads the display mode from a raw Cookie header; anything but zt_mode=elderly means standard. */
export function modeFromCookie(cookieHeader: string | undefined): PortalMode {
  if (!cookieHeader) return 'standard';
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === MODE_COOKIE) return parseMode(part.slice(eq + 1).trim()) ?? 'standard';
  }
  return 'standard';
}

/** Builds the Set-Cookie value that remembers the display mode for a year on the whole site. */
export function modeCookie(mode: PortalMode): string {
  return `${MODE_COOKIE}=${mode}; Path=/; SameSite=Lax; Max-Age=31536000`;
}

export interface SiteView extends PortalSite {
  countyName: string;
  nameSuffix: string;
  publicSecurityCode: string;
  publicSecurityUrl: string;
  icpUrl: string;
  conacUrl: string;
}

/** Adds the county name (site name without a trailing 人民政府, kept in nameSuffix) and the footer's record links to the site: MIIT ICP lookup, the MPS record page for the record number, and the CONAC badge target. */
export function siteView(site: PortalSite): SiteView {
  const countyName = site.name.replace(/人民政府$/, '') || site.name;
  const code = (site.publicSecurityRecord.match(/\d{6,}/) ?? [''])[0];
  return {
    ...site,
    countyName,
    nameSuffix: site.name.slice(countyName.length),
    publicSecurityCode: code,
    publicSecurityUrl: code
      ? `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`
      : 'https://beian.mps.gov.cn/',
    icpUrl: 'https://beian.miit.gov.cn/',
    conacUrl: 'https://bszs.conac.cn/',
  };
}

export interface TodayInput {
  date: string;
  working: boolean;
  kind: string;
  name?: string;
}

export interface TodayView {
  date: string;
  dateText: string;
  working: boolean;
  label: string;
  name: string;
  status: 'working' | 'rest' | 'holiday';
}

/** Calendar day kinds as the calendar may name them, to the message of the label shown. */
const KIND_LABELS: Record<string, keyof PortalMessages['today']> = {
  workday: 'workday',
  working: 'workday',
  work: 'workday',
  adjusted_workday: 'adjustedWorkday',
  'adjusted-workday': 'adjustedWorkday',
  makeup: 'adjustedWorkday',
  makeup_workday: 'adjustedWorkday',
  weekend: 'restDay',
  rest: 'restDay',
  restday: 'restDay',
  holiday: 'holiday',
  public_holiday: 'holiday',
  'public-holiday': 'holiday',
  statutory_holiday: 'holiday',
};

/** Turns the calendar's answer for today into display text: 2025年10月1日 星期三 (Wednesday, 1 October 2025), and 工作日 / 休息日 / 法定节假日 (with the holiday name). */
export function todayView(today: TodayInput, language: Language = 'zh'): TodayView {
  const t = portalMessages(language).today;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(today.date);
  let dateText = today.date;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const weekday = t.weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
    dateText = formatMessage(t.date, { year, month: t.months[month - 1] ?? month, day, weekday });
  }
  const known = KIND_LABELS[today.kind.toLowerCase()];
  const chineseKind = /[\u4e00-\u9fff]/.test(today.kind);
  const kind = known ?? (today.working ? 'workday' : 'restDay');
  // A kind the calendar already names in Chinese is shown as named on Chinese pages.
  const label = known === undefined && chineseKind && language === 'zh' ? today.kind : (t[kind] as string);
  const isHoliday = kind === 'holiday' || (known === undefined && chineseKind && today.kind.includes('节'));
  const status = today.working ? 'working' : isHoliday || today.name ? 'holiday' : 'rest';
  return { date: today.date, dateText, working: today.working, label, name: today.name ?? '', status };
}

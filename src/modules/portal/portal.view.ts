// Pure view-model helpers for the portal templates: display mode, navigation, site map, footer links and the "today" box.
import type { PortalSite } from './portal.pages.ts';

export type PortalMode = 'standard' | 'elderly';

export const MODE_COOKIE = 'zt_mode';

export interface NavItem {
  title: string;
  url: string;
  children?: NavItem[];
}

/** Header navigation, in display order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { title: '首页', url: '/' },
  { title: '网上办事', url: '/services' },
  { title: '政府信息公开', url: '/disclosure' },
  { title: '政民互动', url: '/interaction' },
  { title: '网站地图', url: '/sitemap' },
];

/** Every section and page of the portal as a tree, for the site map. */
export const SITEMAP: readonly NavItem[] = [
  {
    title: '首页',
    url: '/',
    children: [
      { title: '政务要闻', url: '/#news' },
      { title: '今日办公', url: '/#today' },
      { title: '政务服务大厅', url: '/#hall' },
      { title: '政府部门', url: '/#departments' },
    ],
  },
  {
    title: '网上办事',
    url: '/services',
    children: [
      { title: '办事大厅', url: '/services' },
      { title: '办事指南', url: '/services/items' },
      { title: '办件进度查询', url: '/services/lookup' },
      { title: '我的办件', url: '/services/my' },
      { title: '个人/法人登录', url: '/services/sign-in' },
    ],
  },
  { title: '政府信息公开', url: '/disclosure', children: [] },
  { title: '政民互动', url: '/interaction', children: [] },
  {
    title: '网站服务',
    url: '/sitemap',
    children: [
      { title: '网站地图', url: '/sitemap' },
      { title: '长者模式', url: '/?mode=elderly' },
      { title: '标准模式', url: '/?mode=standard' },
    ],
  },
];

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

const KIND_LABELS: Record<string, string> = {
  workday: '工作日',
  working: '工作日',
  work: '工作日',
  adjusted_workday: '调休工作日',
  'adjusted-workday': '调休工作日',
  makeup: '调休工作日',
  makeup_workday: '调休工作日',
  weekend: '休息日',
  rest: '休息日',
  restday: '休息日',
  holiday: '法定节假日',
  public_holiday: '法定节假日',
  'public-holiday': '法定节假日',
  statutory_holiday: '法定节假日',
};

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** Turns the calendar's answer for today into display text: 2025年10月1日 星期三, and 工作日 / 休息日 / 法定节假日 (with the holiday name). */
export function todayView(today: TodayInput): TodayView {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(today.date);
  let dateText = today.date;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
    dateText = `${year}年${month}月${day}日 星期${weekday}`;
  }
  const known = KIND_LABELS[today.kind.toLowerCase()];
  const label = known ?? (/[\u4e00-\u9fff]/.test(today.kind) ? today.kind : today.working ? '工作日' : '休息日');
  const status = today.working ? 'working' : label.includes('节') || today.name ? 'holiday' : 'rest';
  return { date: today.date, dateText, working: today.working, label, name: today.name ?? '', status };
}

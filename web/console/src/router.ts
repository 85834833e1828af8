// A tiny hash router: `#/users` → "/users". Deep links survive reloads and the sign-in detour.
import { useSyncExternalStore } from 'react';

export type RoutePath =
  | '/'
  | '/org'
  | '/users'
  | '/roles'
  | '/security'
  | '/audit'
  | '/calendar'
  | '/outbox'
  | '/messages'
  | '/profile'
  | '/queue'
  | '/walk-in'
  | '/cases'
  | '/service-items'
  | '/statistics'
  | '/rectifications'
  | '/external-systems'
  | '/life-events'
  | '/supervision/findings'
  | '/supervision/rules'
  | '/supervision/dashboard'
  | '/supervision/statistics'
  | '/supervision/tasks'
  | '/supervision/scores'
  | '/supervision/complaints'
  | '/supervision/risk-points'
  | '/supervision/log'
  | '/supervision/reports';

export function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '');
  const path = raw.split('?')[0] ?? '';
  if (!path || path === '/') return '/';
  return path.startsWith('/') ? path.replace(/\/+$/, '') : `/${path}`;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** The current route path; re-renders on hash changes. */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

export function href(path: RoutePath): string {
  return `#${path}`;
}

/** A detail route: a section path plus one id segment (`#/cases/<id>`). */
export function detailHref(section: RoutePath, id: string): string {
  return `#${section}/${encodeURIComponent(id)}`;
}

/** Splits `/cases/<id>` (or `/supervision/tasks/<id>`) into its section and id; null for plain section paths. */
export function parseDetailPath(path: string): { section: string; id: string } | null {
  const match = /^((?:\/[a-z-]+)+)\/([^/]+)$/.exec(path);
  if (!match?.[1] || !match[2]) return null;
  try {
    return { section: match[1], id: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

/** Goes to a detail route (see detailHref). */
export function navigateToDetail(section: RoutePath, id: string): void {
  window.location.hash = `${section}/${encodeURIComponent(id)}`;
}

export function navigate(path: RoutePath): void {
  if (currentPath() === path) return;
  window.location.hash = path;
}

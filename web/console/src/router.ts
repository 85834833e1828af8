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
  | '/profile';

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

export function navigate(path: RoutePath): void {
  if (currentPath() === path) return;
  window.location.hash = path;
}

// LiquidJS rendering of the public portal theme (themes/default): every output is HTML-escaped by default.
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';

/** Absolute path of the default theme folder (templates at its top level, static files under assets/). */
export const THEME_ROOT = fileURLToPath(new URL('../../../themes/default/', import.meta.url));

/** Absolute path of the theme's static assets, served at /assets/portal/. */
export const THEME_ASSETS = fileURLToPath(new URL('../../../themes/default/assets/', import.meta.url));

export interface PortalEngineOptions {
  root?: string;
  cache?: boolean;
}

/** Builds a Liquid engine rooted at the theme folder; escapes all output and caches parsed templates when asked (default: in production). */
export function createPortalEngine(options: PortalEngineOptions = {}): Liquid {
  return new Liquid({
    root: options.root ?? THEME_ROOT,
    extname: '.liquid',
    outputEscape: 'escape',
    cache: options.cache ?? process.env.NODE_ENV === 'production',
    strictFilters: true,
    ownPropertyOnly: true,
  });
}

let defaultEngine: Liquid | undefined;

/** Renders the named theme template (without extension) with the given data and resolves to the HTML string. */
export async function renderPage(template: string, data: Record<string, unknown>): Promise<string> {
  defaultEngine ??= createPortalEngine();
  const html: unknown = await defaultEngine.renderFile(template, data);
  return String(html);
}

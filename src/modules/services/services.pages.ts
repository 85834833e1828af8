// Server-rendered public pages of the service hall (网上办事大厅): catalogue and guides, progress lookup,
// citizen sign-in, online application, and the applicant's own cases. They work without JavaScript.
import type { App } from '../../core/http/server.ts';
import type { ServicesDeps } from './services.deps.ts';
import { registerAccountPages } from './services.pages.account.ts';
import { registerApplyPages } from './services.pages.apply.ts';
import { registerCataloguePages } from './services.pages.catalogue.ts';
import { registerLookupPages } from './services.pages.lookup.ts';
import { registerMyCasePages } from './services.pages.my.ts';
import { providePageForms } from './services.pages.uploads.ts';

/** Registers the public service-hall pages. */
export function registerServicePages(app: App, deps: ServicesDeps): void {
  registerCataloguePages(app, deps);
  registerLookupPages(app, deps);
  registerAccountPages(app, deps);
  registerApplyPages(app, deps);
  registerMyCasePages(app, deps);
  providePageForms(app, deps);
}

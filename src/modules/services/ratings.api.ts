// Routes of ratings (the applicant's) and rectification records (the unit's).
import { z } from 'zod';
import { optionalFilter, pageOf, pageQuerySchema } from '../../core/http/pagination.ts';
import type { App } from '../../core/http/server.ts';
import { callbackInputSchema, closeRectificationInputSchema, ratingInputSchema, ratingViewSchema, rectificationViewSchema } from './ratings.schema.ts';
import { closeRectification, findRatingForApplicant, getRectification, listRectifications, rateCase, recordCallback } from './ratings.service.ts';
import { getCaseForApplicant } from './cases.views.ts';
import type { ServicesDeps } from './services.deps.ts';

const idParams = z.object({ id: z.uuid() });

/** Registers /api/my/cases/:id/rating and /api/rectifications/*. */
export function registerRatingRoutes(app: App, deps: ServicesDeps): void {
  app.post('/api/my/cases/:id/rating', { schema: { tags: ['services'], summary: '评价办件（好差评）Rate a case', params: idParams, body: ratingInputSchema, response: { 200: z.object({ rectificationId: z.string().nullable() }) } } }, async (request) =>
    rateCase(deps, request.actor, request.params.id, request.body),
  );
  app.get('/api/my/cases/:id/rating', { schema: { tags: ['services'], summary: '我的评价及答复 My rating and the reply', params: idParams, response: { 200: z.object({ rating: ratingViewSchema.nullable() }) } } }, async (request) => {
    await getCaseForApplicant(deps, request.actor, request.params.id);
    return { rating: await findRatingForApplicant(deps, request.params.id) };
  });
  app.get('/api/rectifications', {
    schema: { tags: ['services'], summary: '差评整改 Rectifications of bad ratings', querystring: z.object({ status: z.enum(['open', 'done']).optional(), q: optionalFilter }).extend(pageQuerySchema.shape), response: { 200: pageOf(rectificationViewSchema) } },
  }, async (request) => {
    const { page, pageSize, status } = request.query;
    return { ...(await listRectifications(deps, request.actor, { status }, page, pageSize)), page, pageSize };
  });
  app.get('/api/rectifications/:id', { schema: { tags: ['services'], summary: '整改记录 A rectification', params: idParams, response: { 200: rectificationViewSchema } } }, async (request) =>
    getRectification(deps, request.actor, request.params.id),
  );
  app.post('/api/rectifications/:id/callback', { schema: { tags: ['services'], summary: '记录回访 Record the call-back', params: idParams, body: callbackInputSchema, response: { 200: rectificationViewSchema } } }, async (request) =>
    recordCallback(deps, request.actor, request.params.id, request.body.note),
  );
  app.post('/api/rectifications/:id/close', { schema: { tags: ['services'], summary: '整改办结并答复 Close with result and reply', params: idParams, body: closeRectificationInputSchema, response: { 200: rectificationViewSchema } } }, async (request) =>
    closeRectification(deps, request.actor, request.params.id, request.body),
  );
}

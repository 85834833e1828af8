// JSON routes of supervision tasks (督查督办): the office issues and reviews, the unit replies.
import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../../core/http/pagination.ts';
import type { App } from '../../core/http/server.ts';
import type { SupervisionDeps } from './supervision.deps.ts';
import { issueTaskInputSchema, replyTaskInputSchema, reviewTaskInputSchema, taskDetailSchema, taskFilterSchema, taskViewSchema } from './tasks.schema.ts';
import { getTask, issueTask, listTasks, replyToTask, reviewTask } from './tasks.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['supervision'];

/** Registers /api/supervision/tasks/*. */
export function registerTaskRoutes(app: App, deps: SupervisionDeps): void {
  app.get('/api/supervision/tasks', { schema: { tags, summary: '督查督办事项 Supervision tasks', querystring: taskFilterSchema.extend(pageQuerySchema.shape), response: { 200: pageOf(taskViewSchema) } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return { ...(await listTasks(deps, request.actor, filter, page, pageSize)), page, pageSize };
  });
  app.post('/api/supervision/tasks', { schema: { tags, summary: '交办督办事项 Issue a task to a unit', body: issueTaskInputSchema, response: { 200: taskDetailSchema } } }, async (request) =>
    issueTask(deps, request.actor, request.body),
  );
  app.get('/api/supervision/tasks/:id', { schema: { tags, summary: '督办事项及办理过程 A task and its history', params: idParams, response: { 200: taskDetailSchema } } }, async (request) =>
    getTask(deps, request.actor, request.params.id),
  );
  app.post('/api/supervision/tasks/:id/reply', { schema: { tags, summary: '答复督办事项 Reply to a task', params: idParams, body: replyTaskInputSchema, response: { 200: taskDetailSchema } } }, async (request) =>
    replyToTask(deps, request.actor, request.params.id, request.body),
  );
  app.post('/api/supervision/tasks/:id/review', { schema: { tags, summary: '审核答复（办结或退回） Accept or return the reply', params: idParams, body: reviewTaskInputSchema, response: { 200: taskDetailSchema } } }, async (request) =>
    reviewTask(deps, request.actor, request.params.id, request.body),
  );
}

// JSON routes of complaints (投诉): the complainant's own under /api/my/complaints, the supervising office's
// under /api/supervision/complaints, and the reply deadline setting.
import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../../core/http/pagination.ts';
import type { App } from '../../core/http/server.ts';
import {
  complaintDetailSchema,
  complaintFilterSchema,
  complaintNoteInputSchema,
  complaintPolicySchema,
  complaintReplyInputSchema,
  complaintUnitSchema,
  complaintViewSchema,
  myComplaintViewSchema,
  submitComplaintInputSchema,
} from './complaints.schema.ts';
import { getComplaint, getMyComplaint, listComplaints, listComplaintUnits, listMyComplaints, noteComplaint, replyToComplaint, submitComplaint } from './complaints.service.ts';
import { changeComplaintPolicy, getComplaintPolicy } from './complaints.settings.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['supervision'];

/** Registers /api/my/complaints/* and /api/supervision/complaints/*. */
export function registerComplaintRoutes(app: App, deps: SupervisionDeps): void {
  app.get('/api/my/complaints', { schema: { tags, summary: '我的投诉 My complaints', querystring: pageQuerySchema, response: { 200: pageOf(myComplaintViewSchema) } } }, async (request) => {
    const { page, pageSize } = request.query;
    return { ...(await listMyComplaints(deps, request.actor, page, pageSize)), page, pageSize };
  });
  app.get('/api/my/complaints/units', { schema: { tags, summary: '可投诉的单位 Units a complaint may name', response: { 200: z.object({ items: z.array(complaintUnitSchema) }) } } }, async (request) => ({
    items: await listComplaintUnits(deps, request.actor),
  }));
  app.post('/api/my/complaints', { schema: { tags, summary: '提交投诉 File a complaint', body: submitComplaintInputSchema, response: { 200: myComplaintViewSchema } } }, async (request) =>
    submitComplaint(deps, request.actor, request.body),
  );
  app.get('/api/my/complaints/:id', { schema: { tags, summary: '我的投诉及答复 One of my complaints and its reply', params: idParams, response: { 200: myComplaintViewSchema } } }, async (request) =>
    getMyComplaint(deps, request.actor, request.params.id),
  );

  app.get('/api/supervision/complaints', { schema: { tags, summary: '投诉 Complaints to handle', querystring: complaintFilterSchema.extend(pageQuerySchema.shape), response: { 200: pageOf(complaintViewSchema) } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return { ...(await listComplaints(deps, request.actor, filter, page, pageSize)), page, pageSize };
  });
  app.get('/api/supervision/complaints/:id', { schema: { tags, summary: '投诉及办理过程 A complaint and its handling', params: idParams, response: { 200: complaintDetailSchema } } }, async (request) =>
    getComplaint(deps, request.actor, request.params.id),
  );
  app.post('/api/supervision/complaints/:id/notes', { schema: { tags, summary: '记录办理情况 Record a handling note', params: idParams, body: complaintNoteInputSchema, response: { 200: complaintDetailSchema } } }, async (request) =>
    noteComplaint(deps, request.actor, request.params.id, request.body.note),
  );
  app.post('/api/supervision/complaints/:id/reply', { schema: { tags, summary: '答复投诉人并办结 Reply and close', params: idParams, body: complaintReplyInputSchema, response: { 200: complaintDetailSchema } } }, async (request) =>
    replyToComplaint(deps, request.actor, request.params.id, request.body.reply),
  );

  app.get('/api/supervision/complaint-policy', { schema: { tags, summary: '投诉答复时限 Complaint reply limit', response: { 200: complaintPolicySchema } } }, async (request) => getComplaintPolicy(deps, request.actor));
  app.put('/api/supervision/complaint-policy', { schema: { tags, summary: '修改投诉答复时限 Change the complaint reply limit', body: complaintPolicySchema, response: { 200: complaintPolicySchema } } }, async (request) =>
    changeComplaintPolicy(deps, request.actor, request.body),
  );
}

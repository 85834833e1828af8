// Every error leaves the server through here: AppErrors by their code, validation failures as 400 with
// field messages, Fastify's own client errors by status, anything else as a logged 500 without details.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error.ts';
import { describeError } from '../errors/error-codes.ts';
import { translateValidationIssues } from './validation-messages.ts';

function classify(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError('VALIDATION_FAILED', {}, translateValidationIssues(error.validation, request.language));
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode ?? 500;
  if (fastifyError.code === 'FST_REQ_FILE_TOO_LARGE' || fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return new AppError('PAYLOAD_TOO_LARGE');
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status >= 400 && status < 500) return new AppError(status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST');
  return new AppError('INTERNAL');
}

export interface DescribedError {
  status: number;
  code: string;
  message: string;
  issues: Array<{ path: string; message: string }>;
}

/** What an error means for the client (status, code, message in the request's language); logs it. */
export function describeRequestError(error: unknown, request: FastifyRequest): DescribedError {
  const appError = classify(error, request);
  const { status, message } = describeError(appError.code, request.language, appError.params);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code, status }, 'request refused');
  return { status, code: appError.code, message, issues: appError.issues ?? [] };
}

/** Sends the error body `{ error: { code, message, issues? } }` in the request's language. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const described = describeRequestError(error, request);
  const body: Record<string, unknown> = { code: described.code, message: described.message };
  if (described.issues.length) body['issues'] = described.issues;
  return reply.code(described.status).type('application/json; charset=utf-8').send({ error: body });
}

/** True for a browser asking for a page (not the JSON API): such errors are answered with an HTML page. */
export function wantsErrorPage(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

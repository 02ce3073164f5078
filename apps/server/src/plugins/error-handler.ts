/**
 * One error body for every non-2xx answer: { error: { code, message, messageZh, messageEn, details } }.
 * AppError keeps its code and status; schema validation → 400 VALIDATION_FAILED with one detail per
 * field; Fastify's own 4xx map to the nearest code; anything else is logged and becomes a 500
 * INTERNAL that says nothing about its cause.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorCatalog, type ErrorBody } from '@minsheng/contract';
import { AppError } from '../errors/app-error';
import { DEFAULT_UPLOAD_LIMITS, formatBytes } from '../uploads/limits';

type Detail = { path: string; message: string };

function prefersEnglish(request: FastifyRequest): boolean {
  return /^en\b/i.test(request.headers['accept-language'] ?? '');
}

export function errorBody(error: AppError, request: FastifyRequest): ErrorBody {
  return {
    error: {
      code: error.code,
      message: prefersEnglish(request) ? error.messageEn : error.messageZh,
      messageZh: error.messageZh,
      messageEn: error.messageEn,
      ...(error.detail?.details?.length ? { details: error.detail.details } : {}),
    },
  };
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.code(error.status).send(errorBody(error, reply.request));
}

function validationDetails(error: FastifyError): Detail[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    return { path: path || context, message: issue.message ?? 'invalid' };
  });
}

/** Fastify's and its plugins' own errors, by code, to ours. */
function fromFastifyError(error: FastifyError): AppError | null {
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
    return new AppError('VALIDATION_FAILED', { details: validationDetails(error) });
  }
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE': {
      const limit = formatBytes(DEFAULT_UPLOAD_LIMITS.maxFileBytes);
      return new AppError('FILE_TOO_LARGE', {
        zh: `${errorCatalog.FILE_TOO_LARGE.zh}（${limit}）`,
        en: `${errorCatalog.FILE_TOO_LARGE.en} (${limit})`,
      });
    }
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('VALIDATION_FAILED', {
        zh: '上传的文件或字段过多',
        en: 'Too many files or fields in the upload',
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('REQUEST_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  const status = error.statusCode ?? 500;
  if (status === 404) return new AppError('NOT_FOUND');
  if (status === 413) return new AppError('REQUEST_TOO_LARGE');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status >= 400 && status < 500) {
    // Malformed JSON, empty body and the like: the client's fault, with Fastify's message as detail.
    return new AppError('VALIDATION_FAILED', { details: [{ path: 'body', message: error.message }] });
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'app error');
      return sendError(reply, error);
    }
    if (!isResponseSerializationError(error)) {
      const mapped = fromFastifyError(error as FastifyError);
      if (mapped) {
        request.log.info({ code: mapped.code, reason: error.message }, 'request refused');
        return sendError(reply, mapped);
      }
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, new AppError('INTERNAL'));
  });
}

/** The 404 answer for an unknown route. */
export function notFoundError(request: FastifyRequest): AppError {
  return new AppError('NOT_FOUND', {
    zh: `找不到接口 ${request.method} ${request.url.split('?')[0]}`,
    en: `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
  });
}

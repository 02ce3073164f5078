import {
  commitImportBody,
  commitImportResponse,
  createImportQuery,
  idParams,
  listImportsQuery,
  listImportsResponse,
  planImport,
  updateImportBody,
} from '@minsheng/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { presentImport, presentImportSummary } from '../../presenters/import.presenter';
import type { Services } from '../../services/index';
import { readUpload } from '../read-upload';

const formNumber = z.coerce.number().int().positive();

export function importRoutes(app: FastifyInstance, { services }: { services: Services }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];
  const service = services.imports;

  r.post(
    '/imports',
    {
      schema: {
        tags,
        description:
          'multipart/form-data: file, jurisdictionId, year (the last two may be in the query string)',
        querystring: createImportQuery,
        response: { 201: planImport },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const jurisdictionId = formNumber.safeParse(
        request.query.jurisdictionId ?? upload.fields.jurisdictionId,
      );
      if (!jurisdictionId.success) {
        throw new AppError('VALIDATION_FAILED', {
          details: [{ path: 'jurisdictionId', message: 'required' }],
        });
      }
      const yearText = request.query.year ?? upload.fields.year;
      const year = yearText === undefined || yearText === '' ? null : formNumber.safeParse(yearText);
      if (year && !year.success)
        throw new AppError('VALIDATION_FAILED', { details: [{ path: 'year', message: 'not a year' }] });
      const view = await service.upload(request.actor, {
        jurisdictionId: jurisdictionId.data,
        year: year ? year.data : null,
        fileName: upload.fileName,
        bytes: upload.bytes,
      });
      return reply.code(201).send(presentImport(view));
    },
  );
  r.get(
    '/imports',
    { schema: { tags, querystring: listImportsQuery, response: { 200: listImportsResponse } } },
    async (request) => ({
      items: (await service.list(request.actor, request.query)).map(presentImportSummary),
    }),
  );
  r.get(
    '/imports/:id',
    { schema: { tags, params: idParams, response: { 200: planImport } } },
    async (request) => presentImport(await service.get(request.actor, request.params.id)),
  );
  r.patch(
    '/imports/:id',
    { schema: { tags, params: idParams, body: updateImportBody, response: { 200: planImport } } },
    async (request) => presentImport(await service.update(request.actor, request.params.id, request.body)),
  );
  r.post(
    '/imports/:id/commit',
    { schema: { tags, params: idParams, body: commitImportBody, response: { 201: commitImportResponse } } },
    async (request, reply) =>
      reply.code(201).send(await service.commit(request.actor, request.params.id, request.body)),
  );
  r.get(
    '/source-documents/:id',
    { schema: { tags, params: idParams, description: 'The uploaded file, byte for byte' } },
    async (request, reply) => {
      const { info, content } = await service.readSource(request.actor, request.params.id);
      return reply
        .header('content-type', info.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(info.fileName)}`)
        .header('x-content-sha256', info.sha256)
        .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
    },
  );
  r.delete('/imports/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await service.discard(request.actor, request.params.id);
    return reply.code(204).send();
  });
}

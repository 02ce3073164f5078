/**
 * Every API call the console makes, typed by the contract's zod schemas: the response of each
 * call is parsed with the schema the server serialises with, so the two cannot drift apart.
 */
import * as c from '@minsheng/contract';
import { api as defaultClient, type ApiClient } from './client';

export function createEndpoints(api: ApiClient) {
  const retire = (path: string, version: number) =>
    api.send(`${path}/retire`, { method: 'POST', body: { version } });

  return {
    auth: {
      session: () => api.request(c.sessionResponse, '/api/auth/session'),
      login: (body: c.LoginBody) =>
        api.request(c.sessionResponse, '/api/auth/login', { method: 'POST', body }),
      logout: () => api.send('/api/auth/logout', { method: 'POST' }),
      changePassword: (body: c.ChangePasswordBody) =>
        api.request(c.okResponse, '/api/auth/password', { method: 'POST', body }),
    },
    jurisdictions: {
      list: (query: { includeRetired?: boolean } = {}) =>
        api.request(c.listJurisdictionsResponse, '/api/jurisdictions', { query }),
      create: (body: c.CreateJurisdictionBody) =>
        api.request(c.jurisdiction, '/api/jurisdictions', { method: 'POST', body }),
      update: (id: number, body: c.UpdateJurisdictionBody) =>
        api.request(c.jurisdiction, `/api/jurisdictions/${id}`, { method: 'PATCH', body }),
      retire: (id: number, version: number) => retire(`/api/jurisdictions/${id}`, version),
    },
    units: {
      list: (query: { jurisdictionId?: number; q?: string; includeRetired?: boolean } = {}) =>
        api.request(c.listUnitsResponse, '/api/units', { query }),
      create: (body: c.CreateUnitBody) => api.request(c.unit, '/api/units', { method: 'POST', body }),
      update: (id: number, body: c.UpdateUnitBody) =>
        api.request(c.unit, `/api/units/${id}`, { method: 'PATCH', body }),
      retire: (id: number, version: number) => retire(`/api/units/${id}`, version),
    },
    users: {
      list: (query: { jurisdictionId?: number; role?: c.UserRole; includeRetired?: boolean } = {}) =>
        api.request(c.listUsersResponse, '/api/users', { query }),
      create: (body: c.CreateUserBody) => api.request(c.user, '/api/users', { method: 'POST', body }),
      update: (id: number, body: c.UpdateUserBody) =>
        api.request(c.user, `/api/users/${id}`, { method: 'PATCH', body }),
      retire: (id: number, version: number) => retire(`/api/users/${id}`, version),
    },
    plans: {
      list: (query: { jurisdictionId?: number; year?: number } = {}) =>
        api.request(c.listPlansResponse, '/api/plans', { query }),
      get: (id: number) => api.request(c.planDetail, `/api/plans/${id}`),
      update: (id: number, body: c.UpdatePlanBody) =>
        api.request(c.plan, `/api/plans/${id}`, { method: 'PATCH', body }),
      updateCategory: (id: number, body: c.UpdateCategoryBody) =>
        api.request(c.category, `/api/categories/${id}`, { method: 'PATCH', body }),
      updateIndicator: (id: number, body: c.UpdateIndicatorBody) =>
        api.request(c.indicator, `/api/indicators/${id}`, { method: 'PATCH', body }),
      setTaskUnits: (id: number, body: c.SetTaskUnitsBody) =>
        api.request(c.task, `/api/tasks/${id}/units`, { method: 'PUT', body }),
      updateTask: (id: number, body: c.UpdateTaskBody) =>
        api.request(c.task, `/api/tasks/${id}`, { method: 'PATCH', body }),
    },
    imports: {
      /** Multipart upload; the server reads the file and answers with the preview. */
      create: (file: File, query: { jurisdictionId?: number; year?: number }) => {
        const form = new FormData();
        form.append('file', file, file.name);
        return api.request(c.planImport, '/api/imports', { method: 'POST', body: form, query });
      },
      get: (id: number) => api.request(c.planImport, `/api/imports/${id}`),
      update: (id: number, body: c.UpdateImportBody) =>
        api.request(c.planImport, `/api/imports/${id}`, { method: 'PATCH', body }),
      commit: (id: number, body: c.CommitImportBody) =>
        api.request(c.commitImportResponse, `/api/imports/${id}/commit`, { method: 'POST', body }),
      discard: (id: number) => api.send(`/api/imports/${id}`, { method: 'DELETE' }),
    },
    audit: {
      list: (query: { entity?: string; jurisdictionId?: number; limit?: number } = {}) =>
        api.request(c.listAuditResponse, '/api/audit', { query }),
    },
  };
}

export type Endpoints = ReturnType<typeof createEndpoints>;

export const endpoints = createEndpoints(defaultClient);

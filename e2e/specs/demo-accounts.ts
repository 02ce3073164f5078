import type { Account } from './helpers';

/** Placeholder until the demo module lands. */
export const demo: { office: Account; reporter: Account } = {
  office: { username: 'office', password: process.env.E2E_OFFICE_PASSWORD ?? 'office-pass-123' },
  reporter: { username: 'reporter', password: process.env.E2E_REPORTER_PASSWORD ?? 'reporter-pass-123' },
};

import { DEMO_ACCOUNTS } from '../../apps/server/src/demo/demo-accounts';
import type { Account } from './helpers';

/** The demo accounts the server seeds on first start, read from the server's own list. */
function account(username: string): Account {
  const found = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!found) throw new Error(`no demo account "${username}"`);
  return { username: found.username, password: found.password };
}

export const demo = {
  office: account('office'),
  reporter: account('reporter'),
  admin: account('admin'),
};

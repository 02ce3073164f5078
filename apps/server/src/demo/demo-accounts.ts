/**
 * The demo accounts `npm start` creates on an empty database. The README and the e2e specs
 * read them from here, so the three never disagree.
 */
export const DEMO_PASSWORD = 'Minsheng2026!';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: 'admin' | 'office' | 'leader' | 'reporter' | 'deputy';
  jurisdiction: string;
  /** Reporters: the unit they report for. */
  unit?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: DEMO_PASSWORD,
    displayName: '系统管理员',
    role: 'admin',
    jurisdiction: '吉林省',
  },
  {
    username: 'office',
    password: DEMO_PASSWORD,
    displayName: '吉林市民生办',
    role: 'office',
    jurisdiction: '吉林市',
  },
  {
    username: 'leader',
    password: DEMO_PASSWORD,
    displayName: '吉林市领导',
    role: 'leader',
    jurisdiction: '吉林市',
  },
  {
    username: 'reporter',
    password: DEMO_PASSWORD,
    displayName: '市人社局填报员',
    role: 'reporter',
    jurisdiction: '吉林市',
    unit: '市人社局',
  },
  {
    username: 'deputy',
    password: DEMO_PASSWORD,
    displayName: '人大代表',
    role: 'deputy',
    jurisdiction: '吉林市',
  },
  {
    username: 'pingluo',
    password: DEMO_PASSWORD,
    displayName: '平罗县民生办',
    role: 'office',
    jurisdiction: '平罗县',
  },
];

export { ensureDemoData, DEFAULT_SEEDS_DIR, type DemoOptions } from './demo-data';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts';

import { describe, expect, it } from 'vitest';
import { summarizeAudit } from './audit-summary';

describe('summarizeAudit', () => {
  it('lists the fields a change touched', () => {
    expect(
      summarizeAudit(
        { id: 3, name: '人社局', kind: 'department', version: 1 },
        { id: 3, name: '市人社局', kind: 'department', version: 2 },
      ),
    ).toBe('name: 人社局 → 市人社局');
  });
  it('names a new record', () => {
    expect(summarizeAudit(null, { id: 1, username: 'office', role: 'office' })).toBe('office');
    expect(summarizeAudit(null, { plan: { id: 4, title: '2017年建设幸福新区行动计划' }, tasks: 62 })).toBe(
      '2017年建设幸福新区行动计划',
    );
    expect(summarizeAudit(null, { tasks: 62, planId: 4 })).toBe('tasks: 62；planId: 4');
    expect(summarizeAudit(null, null)).toBe('—');
  });
});

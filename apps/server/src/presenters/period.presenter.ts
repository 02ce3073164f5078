import type { Period } from '@minsheng/contract';
import type { PeriodRow } from '../repositories/period.repository';
import { editable } from './common';

export function presentPeriod(row: PeriodRow): Period {
  return {
    id: row.id,
    planId: row.planId,
    key: row.key,
    label: row.label,
    startDate: row.startDate,
    endDate: row.endDate,
    dueDate: row.dueDate,
    status: row.status,
    ...editable(row),
  };
}

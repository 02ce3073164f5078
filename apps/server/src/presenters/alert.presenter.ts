import type { Alert } from '@minsheng/contract';
import type { AlertItem } from '../services/reporting/evaluate';

export function presentAlert(a: AlertItem): Alert {
  return {
    kind: a.kind,
    taskId: a.taskId,
    number: a.number,
    title: a.title,
    categoryId: a.categoryId,
    leadUnitId: a.leadUnitId,
    reportId: a.reportId,
    rating: a.rating,
    reason: a.reason,
    reasonEn: a.reasonEn,
  };
}

import type { Jurisdiction } from '@minsheng/contract';
import type { JurisdictionRow } from '../repositories/jurisdiction.repository';
import { editable } from './common';

export function presentJurisdiction(row: JurisdictionRow): Jurisdiction {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    level: row.level,
    code: row.code,
    ...editable(row),
  };
}

import type { Unit } from '@minsheng/contract';
import type { UnitWithAliases } from '../repositories/unit.repository';
import { editable } from './common';

export function presentUnit(row: UnitWithAliases): Unit {
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    name: row.name,
    kind: row.kind,
    leaderName: row.leaderName,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    aliases: row.aliases,
    ...editable(row),
  };
}

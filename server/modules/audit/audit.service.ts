import type { Db } from '../../db/database';
import { auditRepo, type AuditFilter } from './audit.repo';

export function createAuditService(db: Db) {
  return {
    list: (orgId: string, filter: AuditFilter) => auditRepo.list(db, orgId, filter),
  };
}
export type AuditService = ReturnType<typeof createAuditService>;

import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import type { AuditRepository } from '../../repositories/audit.repository';
import type {
  NotificationRepository,
  NotificationRow,
  OutboxRow,
} from '../../repositories/notification.repository';
import { auditActor } from '../scope';

export interface NotificationServiceDeps {
  db: Database;
  notifications: NotificationRepository;
  audit: AuditRepository;
}

export function createNotificationService({ db, notifications, audit }: NotificationServiceDeps) {
  function self(actor: RequestActor): number {
    if (actor.userId <= 0) throw new AppError('FORBIDDEN');
    return actor.userId;
  }
  return {
    async list(
      actor: RequestActor | null,
      unreadOnly: boolean,
    ): Promise<{ items: NotificationRow[]; unread: number }> {
      requireAccess(actor, 'notification.read');
      const userId = self(actor);
      const [items, unread] = await Promise.all([
        notifications.listForUser(db, userId, unreadOnly),
        notifications.countUnread(db, userId),
      ]);
      return { items, unread };
    },

    /** Marks one notification (or, with null, all) of the actor's as read. */
    async markRead(actor: RequestActor | null, id: number | null): Promise<number> {
      requireAccess(actor, 'notification.read');
      const userId = self(actor);
      return db.transaction((tx) => notifications.markRead(tx, userId, id));
    },

    async getEmail(actor: RequestActor | null): Promise<string | null> {
      requireAccess(actor, 'notification.read');
      return notifications.findEmail(db, self(actor));
    },

    async setEmail(actor: RequestActor | null, email: string): Promise<string> {
      requireAccess(actor, 'notification.read');
      const userId = self(actor);
      const before = await notifications.findEmail(db, userId);
      await db.transaction(async (tx) => {
        await notifications.setEmail(tx, userId, email);
        await audit.append(tx, {
          ...auditActor(actor),
          action: 'set-email',
          entity: 'user',
          entityId: userId,
          jurisdictionId: actor.jurisdictionId,
          before: { email: before },
          after: { email },
        });
      });
      return email;
    },

    /** The e-mail outbox (what was, or without SMTP would have been, sent): admins only. */
    async listOutbox(actor: RequestActor | null): Promise<OutboxRow[]> {
      requireAccess(actor, 'outbox.read');
      return notifications.listOutbox(db);
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;

/** In-app notifications, the e-mail outbox (read by admins when no SMTP is configured). */
import { z } from 'zod';

export const notification = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notification>;

export const listNotificationsQuery = z.object({ unread: z.enum(['true', 'false']).optional() });
export const listNotificationsResponse = z.object({ items: z.array(notification), unread: z.number().int() });

export const outboxEmail = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});
export const listOutboxResponse = z.object({ items: z.array(outboxEmail) });

/** PUT /api/me/email — where reminders are e-mailed. */
export const setEmailBody = z.object({ email: z.email().max(200) });
export const emailResponse = z.object({ email: z.string().nullable() });

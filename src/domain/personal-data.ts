// What the bot keeps about one person, and deleting it (in the spirit of UU 27/2022 on
// personal data protection). Everything that names their Telegram id goes, except the audit
// log: it keeps officials' and representatives' acts with the id and the act, never a name.
// Feedback is kept without anyone's id, so it is not theirs to delete.
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface PersonalData {
  profile?: { firstName: string; lastName: string | null; username: string | null; firstSeenAt: Date; lastSeenAt: Date };
  locale: 'id' | 'en' | null;
  subscriptions: { regionCode: string; regionName: string; active: boolean }[];
  reminder?: { day: number; minute: number; timeZone: string; income: number | null; active: boolean };
  companies: string[];
  roles: { role: string; regionCode: string | null }[];
  /** What the last question was about and a guided flow in progress, if any. */
  context: { lastQuestion: boolean; flow: string | null };
  /** Announcements the bot delivered to this chat. */
  deliveries: number;
}

export async function personalDataOf(prisma: PrismaClient, telegramId: number): Promise<PersonalData> {
  const id = BigInt(telegramId);
  const [user, subscriptions, reminder, companies, roles, context, flow, deliveries] = await Promise.all([
    prisma.user.findUnique({ where: { telegramId: id } }),
    prisma.subscription.findMany({ where: { chatId: id }, include: { region: { select: { name: true } } }, orderBy: { createdAt: 'asc' } }),
    prisma.paymentReminder.findUnique({ where: { telegramId: id } }),
    prisma.companyRepresentative.findMany({ where: { telegramId: id }, include: { company: { select: { name: true } } } }),
    prisma.roleGrant.findMany({ where: { telegramId: id } }),
    prisma.chatContext.findFirst({ where: { chatId: id } }),
    prisma.conversationState.findFirst({ where: { chatId: id } }),
    prisma.delivery.count({ where: { chatId: id } }),
  ]);
  return {
    ...(user
      ? {
          profile: {
            firstName: user.firstName,
            lastName: user.lastName,
            username: user.username,
            firstSeenAt: user.firstSeenAt,
            lastSeenAt: user.lastSeenAt,
          },
        }
      : {}),
    locale: user?.locale ?? null,
    subscriptions: subscriptions.map((s) => ({ regionCode: s.regionCode, regionName: s.region.name, active: s.active })),
    ...(reminder
      ? {
          reminder: {
            day: reminder.day,
            minute: reminder.minute,
            timeZone: reminder.timeZone,
            income: reminder.income,
            active: reminder.active,
          },
        }
      : {}),
    companies: companies.map((c) => c.company.name),
    roles: roles.map((r) => ({ role: r.role, regionCode: r.regionCode })),
    context: { lastQuestion: !!context, flow: flow?.flow ?? null },
    deliveries,
  };
}

/** The name left where an official's act outlives them (an announcement they sent). */
export const DELETED_ACTOR = 'deleted-user';

/**
 * Deletes everything that names the person, in one transaction, audit log aside. Their
 * announcements stay for their audiences, without their id; codes they used or issued stay
 * used, without it.
 */
export async function deletePersonalData(prisma: PrismaClient, telegramId: number): Promise<void> {
  const id = BigInt(telegramId);
  const actor = `telegram:${telegramId}`;
  await prisma.$transaction([
    prisma.paymentReminder.deleteMany({ where: { telegramId: id } }),
    prisma.subscription.deleteMany({ where: { chatId: id } }),
    prisma.delivery.deleteMany({ where: { chatId: id } }),
    prisma.companyRepresentative.deleteMany({ where: { telegramId: id } }),
    prisma.linkAttempt.deleteMany({ where: { telegramId: id } }),
    prisma.roleGrant.deleteMany({ where: { telegramId: id } }),
    prisma.roleGrant.updateMany({ where: { grantedBy: actor }, data: { grantedBy: DELETED_ACTOR } }),
    prisma.chatContext.deleteMany({ where: { OR: [{ chatId: id }, { userId: id }] } }),
    prisma.conversationState.deleteMany({ where: { OR: [{ chatId: id }, { userId: id }] } }),
    prisma.companyCode.updateMany({ where: { usedBy: id }, data: { usedBy: null } }),
    prisma.companyCode.updateMany({ where: { issuedBy: actor }, data: { issuedBy: DELETED_ACTOR } }),
    prisma.announcement.updateMany({ where: { createdBy: actor }, data: { createdBy: DELETED_ACTOR } }),
    prisma.announcement.updateMany({ where: { statusChatId: id }, data: { statusChatId: null, statusMessageId: null } }),
    prisma.user.deleteMany({ where: { telegramId: id } }),
  ]);
}

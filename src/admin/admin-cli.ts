// npm run admin -- grant-official <telegramId> <regionCode> | revoke-official <telegramId> <regionCode>
//                | grant-admin <telegramId> | revoke-admin <telegramId> | list-officials | audit [n]
//                | unanswered [n]
// Every change is written to the audit log as cli:<os user>.
import os from 'node:os';
import { CompanyAccessError, issueCompanyCode } from '../domain/companies/company-access.ts';
import { recentAudit } from '../domain/roles/audit.ts';
import { frequentUnanswered } from '../domain/understanding/feedback.ts';
import { grantRole, listRoleGrants, revokeRole, RoleError } from '../domain/roles/roles.ts';
import { runCli, withCliDatabase } from './cli-support.ts';

const USAGE = `usage: npm run admin -- <command>
  grant-official <telegramId> <regionCode>   e.g. grant-official 123456789 13
  revoke-official <telegramId> <regionCode>
  grant-admin <telegramId>
  revoke-admin <telegramId>
  list-officials
  issue-company-code <NPP>                   a one-time code for a company's representative (72 hours)
  audit [count]
  unanswered [count]                          the questions most often not understood or marked 👎`;

const MESSAGES: Record<RoleError['code'], string> = {
  unknown_region: 'Kode wilayah tidak dikenal / unknown region code',
  bad_telegram_id: 'Telegram ID harus berupa angka / the Telegram ID must be a number',
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const arity: Record<string, number> = {
    'grant-official': 2,
    'revoke-official': 2,
    'grant-admin': 1,
    'revoke-admin': 1,
    'list-officials': 0,
    'issue-company-code': 1,
    audit: -1,
    unanswered: -1,
  };
  if (!command || !(command in arity) || (arity[command]! >= 0 && args.length !== arity[command])) {
    console.error(USAGE);
    return 2;
  }
  const actor = `cli:${os.userInfo().username}`;
  return withCliDatabase(async (db) => {
    try {
      switch (command) {
        case 'grant-official':
        case 'grant-admin': {
          const outcome = await grantRole(db.pool, { telegramId: args[0]!, regionCode: args[1] ?? null, actor });
          console.log(outcome === 'granted' ? `granted: ${args.join(' ')}` : `already granted: ${args.join(' ')}`);
          return 0;
        }
        case 'revoke-official':
        case 'revoke-admin': {
          const outcome = await revokeRole(db.pool, { telegramId: args[0]!, regionCode: args[1] ?? null, actor });
          console.log(outcome === 'revoked' ? `revoked: ${args.join(' ')}` : `no such grant: ${args.join(' ')}`);
          return 0;
        }
        case 'issue-company-code': {
          const { code, expiresAt } = await issueCompanyCode(db.pool, args[0]!, actor);
          console.log(`code for ${args[0]}: ${code} (valid until ${expiresAt.toISOString()}; shown once, stored only as a hash)`);
          return 0;
        }
        case 'list-officials': {
          const grants = await listRoleGrants(db.pool);
          if (!grants.length) console.log('no admins or officials yet');
          for (const g of grants)
            console.log(`${g.role.padEnd(8)} ${g.telegramId.padEnd(12)} ${g.regionCode ?? '-'} ${g.regionName ?? ''}  (by ${g.grantedBy})`);
          return 0;
        }
        case 'unanswered': {
          const rows = await frequentUnanswered(db.prisma, Math.min(Math.max(Number(args[0] ?? 30) || 30, 1), 500));
          if (!rows.length) console.log('no unanswered questions yet');
          for (const r of rows) {
            const what = r.kind === 'unanswered' ? 'not understood' : `👎 on ${r.target ?? '?'}`;
            console.log(
              `${String(r.count).padStart(4)} × ${JSON.stringify(r.question)}  (${what}; last ${r.last.toISOString().slice(0, 10)})`,
            );
          }
          return 0;
        }
        default: {
          for (const e of await recentAudit(db.pool, Number(args[0] ?? 20))) {
            console.log(`${e.at.toISOString()} ${e.actor} ${e.action} ${e.target ?? ''} ${e.details ? JSON.stringify(e.details) : ''}`);
          }
          return 0;
        }
      }
    } catch (e) {
      if (e instanceof RoleError) {
        console.error(MESSAGES[e.code]);
        return 1;
      }
      if (e instanceof CompanyAccessError) {
        console.error('NPP tidak dikenal / unknown NPP');
        return 1;
      }
      throw e;
    }
  });
}

runCli(main);

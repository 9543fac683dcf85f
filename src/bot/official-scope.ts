// What an official is told when a region is not theirs: which regions are.
import type { Roles } from '../domain/roles/roles.ts';
import { regionNames } from '../domain/regions/region-lookup.ts';
import type { BotContext } from './context.ts';

/** "Maaf, Banten di luar wilayah kewenangan Anda. Wilayah Anda: Sumatera Barat." (`region` omitted: "that ceremony"). */
export async function outOfScope(ctx: BotContext, roles: Roles, region?: string): Promise<string> {
  const names = await regionNames(ctx.deps.prisma, roles.scopes);
  const regions = roles.scopes.map((code) => names.get(code) ?? code).join(', ');
  return region ? ctx.t('ceremonies:outOfScope', { region, regions }) : ctx.t('ceremonies:ceremonyOutOfScope', { regions });
}

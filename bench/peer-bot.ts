// The peer: the bot a grammY developer builds from the ecosystem's parts. grammY behind
// Express, grammY's session middleware on PostgreSQL through @grammyjs/storage-psql (its own
// database; the session is read and written every update), the greeting rendered by i18next,
// and one sendMessage with a two-button inline keyboard.
import express from 'express';
import { Bot, InlineKeyboard, session, webhookCallback, type Context, type SessionFlavor } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { PsqlAdapter } from '@grammyjs/storage-psql';
import i18next from 'i18next';
import pg from 'pg';

interface SessionData {
  messages: number;
}
type PeerContext = Context & SessionFlavor<SessionData>;

const apiRoot = process.env.TELEGRAM_API_ROOT!;
const botInfo = JSON.parse(process.env.BOT_INFO!) as UserFromGetMe;
// One client, as the adapter's documentation connects it.
const client = new pg.Client({ connectionString: process.env.PEER_DATABASE_URL! });
await client.connect();

await i18next.init({
  lng: 'id',
  resources: {
    id: { translation: { greeting: 'Halo, {{name}}! 👋 Ada yang bisa saya bantu?', coverage: '📊 Cakupan', menu: '🏠 Menu' } },
  },
});

const bot = new Bot<PeerContext>(process.env.BOT_TOKEN!, { client: { apiRoot }, botInfo });
bot.use(session({ initial: () => ({ messages: 0 }), storage: await PsqlAdapter.create({ tableName: 'sessions', client }) }));
bot.on('message', async (ctx) => {
  ctx.session.messages++;
  await ctx.reply(i18next.t('greeting', { name: ctx.from.first_name }), {
    reply_markup: new InlineKeyboard().text(i18next.t('coverage'), 'coverage').text(i18next.t('menu'), 'menu'),
  });
});

const app = express();
app.post('/telegram/webhook', express.json(), webhookCallback(bot, 'express'));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(JSON.stringify({ msg: 'ready', url: `http://127.0.0.1:${address.port}` }));
});
process.on('SIGTERM', () => server.close(() => void client.end().then(() => process.exit(0))));

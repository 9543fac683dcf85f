// The baseline: a bare grammY bot behind Express that answers every update with one sendMessage.
import express from 'express';
import { Bot, webhookCallback } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';

const apiRoot = process.env.TELEGRAM_API_ROOT!;
const botInfo = JSON.parse(process.env.BOT_INFO!) as UserFromGetMe;
const bot = new Bot(process.env.BOT_TOKEN!, { client: { apiRoot }, botInfo });
bot.on('message', (ctx) => ctx.reply('Halo!'));

const app = express();
app.post('/telegram/webhook', express.json(), webhookCallback(bot, 'express'));
// Still a 500 (the limit has no error handling), but the run says why.
app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  console.error(`baseline bot: ${err.message}`);
  res.sendStatus(500);
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(JSON.stringify({ msg: 'ready', url: `http://127.0.0.1:${address.port}` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

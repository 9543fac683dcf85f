// The table of buttons (src/bot/buttons.ts): typed arguments both ways, signatures checked,
// closed sets closed, and no callback data made or matched anywhere else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUTTONS } from '../src/bot/buttons.ts';
import { buttonSigner } from '../src/bot/callback-data.ts';

const ctx = { buttons: buttonSigner('123456789:TEST-token_abcdefghijklmnopqrstu') };
const other = { buttons: buttonSigner('987654321:OTHER-token_abcdefghijklmnopqrst') };

describe('the button table', () => {
  it('gives a handler back the typed values it was made with', () => {
    const data = BUTTONS.contribution.data(ctx, 3_500_000, true, undefined);
    expect(data).toMatch(/^iu:3500000:1::[\w-]{8}$/);
    expect(BUTTONS.contribution.read(ctx, data)).toEqual([3_500_000, true, undefined]);
    expect(BUTTONS.awardsPage.read(ctx, BUTTONS.awardsPage.data(ctx, 'r13', 2))).toEqual(['r13', 2]);
    expect(BUTTONS.subscribeScope.read(ctx, BUTTONS.subscribeScope.data(ctx, '13', false))).toEqual(['13', false]);
  });

  it('refuses signed data that is altered, unsigned, or signed by another bot', () => {
    const data = BUTTONS.coverage.data(ctx, '13.74');
    expect(BUTTONS.coverage.read(ctx, data)).toEqual(['13.74']);
    expect(BUTTONS.coverage.read(ctx, data.replace('13.74', '13.75'))).toBeUndefined();
    expect(BUTTONS.coverage.read(ctx, 'cov:13.74')).toBeUndefined();
    expect(BUTTONS.coverage.read(other, data)).toBeUndefined();
    // The right signature on a value the codec never writes is refused too.
    expect(BUTTONS.contribution.read(ctx, ctx.buttons.sign('iu', 'banyak', '', ''))).toBeUndefined();
  });

  it('reads unsigned data only from its closed set, with the right number of parts', () => {
    expect(BUTTONS.language.read(ctx, 'lang:en')).toEqual(['en']);
    expect(BUTTONS.language.read(ctx, 'lang:fr')).toBeUndefined();
    expect(BUTTONS.language.read(ctx, 'lang:en:x')).toBeUndefined();
    expect(BUTTONS.winnerRank.read(ctx, 'pm:r:4')).toBeUndefined();
    expect(BUTTONS.announceSend.read(ctx, 'um:ok:12')).toEqual([12]);
    expect(BUTTONS.announceSend.read(ctx, 'um:ok:12abc')).toBeUndefined();
    // "sub" is not "subc", nor "lang" with no argument "lang:en".
    expect(BUTTONS.subscribe.read(ctx, BUTTONS.subscribeScope.data(ctx, '13', true))).toBeUndefined();
    expect(BUTTONS.language.read(ctx, BUTTONS.languages.data)).toBeUndefined();
  });

  it('says of every unsigned button why it may be', () => {
    const open = Object.entries(BUTTONS).filter(([, b]) => 'unsignedBecause' in b);
    expect(open.map(([name]) => name)).toContain('announceCeremony');
    for (const [, b] of open) expect((b as { unsignedBecause: string }).unsignedBecause.length).toBeGreaterThan(20);
  });

  it('is where all callback data is made and matched', () => {
    const dir = path.join(import.meta.dirname, '..', 'src', 'bot');
    const found = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && f !== 'buttons.ts')
      .flatMap((f) =>
        fs
          .readFileSync(path.join(dir, f), 'utf8')
          .split('\n')
          .map((text, i) => ({ where: `${f}:${i + 1}`, text })),
      )
      .filter(({ text }) => /\.callbackQuery\(|callback_data: ['`]|buttons\.sign\(|\.text\([^()]*, ['`][a-z]+:/.test(text))
      .map(({ where, text }) => `${where}: ${text.trim()}`);
    expect(found).toEqual([]);
  });
});

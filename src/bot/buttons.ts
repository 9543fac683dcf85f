// Every button the bot sends, in one typed table: its data's name, the type of each argument,
// and whether the data is signed. Features build button data and handle presses only through
// it, so two features can never claim the same name, and a handler gets typed arguments, never
// the pieces of a regular expression.
//
// Data is signed (callback-data.ts) unless the table says why it need not be: a closed set of
// values the codec already limits (a language, a step of a flow), or a handler that authorises
// every press itself, because the same button is shown to everyone in a group and is replayed
// as easily as it is forged.
import type { Composer, Context, Filter, MiddlewareFn } from 'grammy';
import type { ButtonSigner } from './callback-data.ts';
import { AWARD_CATEGORIES } from '../domain/awards/award-history.ts';
import { IMPORT_KINDS } from '../domain/import/import-kinds.ts';
import { LOCALES } from '../i18n/locales.ts';

/** One argument's text in button data, both ways. */
export interface Codec<T> {
  encode(value: T): string;
  /** The value, or undefined for text this codec never wrote. */
  decode(text: string): T | undefined;
}

const matching = (pattern: RegExp): Codec<string> => ({ encode: (v) => v, decode: (s) => (pattern.test(s) ? s : undefined) });

/** A region code, an NPP, a ceremony or knowledge id. */
const id = matching(/^[A-Za-z0-9._-]{1,64}$/);
/** A whole number, such as an announcement id or a page. */
const count: Codec<number> = { encode: String, decode: (s) => (/^\d{1,10}$/.test(s) ? Number(s) : undefined) };
/** An amount in rupiah, or none yet. */
const amount: Codec<number | undefined> = {
  encode: (v) => (v === undefined ? '' : String(v)),
  decode: (s) => (s === '' ? undefined : /^\d{1,12}$/.test(s) ? Number(s) : undefined),
};
/** Yes, no, or not asked yet. */
const flag: Codec<boolean | undefined> = {
  encode: (v) => (v === undefined ? '' : v ? '1' : '0'),
  decode: (s) => (s === '' ? undefined : s === '1' ? true : s === '0' ? false : undefined),
};
const oneOf = <T extends string>(...values: readonly T[]): Codec<T> => ({
  encode: (v) => v,
  decode: (s) => values.find((v) => v === s),
});

type Codecs<A extends unknown[]> = { [K in keyof A]: Codec<A[K]> };
type WithButtons = Context & { buttons: ButtonSigner };
type Pressed<C extends Context> = Filter<C, 'callback_query:data'>;

interface Reads<A extends unknown[]> {
  /** The arguments of data this button made, or undefined. */
  read(ctx: { buttons: ButtonSigner }, data: string): A | undefined;
  /** Handles presses of this button; anything else (forged, altered, stale) goes on to the next handler. */
  on<C extends WithButtons>(composer: Composer<C>, handler: (ctx: Pressed<C>, ...args: A) => Promise<unknown>): void;
}

/** A button whose data is signed: only the bot makes it, so making it takes the bot's signer. */
export interface Button<A extends unknown[]> extends Reads<A> {
  data(ctx: { buttons: ButtonSigner }, ...args: A): string;
}

/** A button whose data is not signed (the table says why): anyone could make it, and so can any code. */
export interface OpenButton<A extends unknown[]> extends Reads<A> {
  data(...args: A): string;
  readonly unsignedBecause: string;
}

/** A button without arguments, the same for everyone: a menu entry, a flow's "save". */
export interface FixedButton {
  readonly data: string;
  on<C extends WithButtons>(composer: Composer<C>, handler: (ctx: Pressed<C>) => Promise<unknown>): void;
}

const names = new Set<string>();

function claim(name: string, arity: number): void {
  // One name may take different numbers of arguments ("lang", "lang:en"), never the same number twice.
  const key = `${name}/${arity}`;
  if (names.has(key)) throw new Error(`two buttons are called ${name} with ${arity} arguments`);
  names.add(key);
}

type Attempt = (ctx: WithButtons & Pressed<WithButtons>) => Promise<unknown> | undefined;
const pressHandlers = new WeakMap<object, Attempt[]>();

/** Records a feature's button; presses reach it through `pressDispatcher`, in the order declared. */
function onPress<C extends WithButtons>(composer: Composer<C>, attempt: Attempt): void {
  let attempts = pressHandlers.get(composer);
  if (!attempts) pressHandlers.set(composer, (attempts = []));
  attempts.push(attempt);
}

/**
 * One middleware for every button of the given features, in their order: a press goes straight
 * to the button that made its data, instead of through every feature's commands and texts. Each
 * button reads only the data it made (names are unique), so the first that reads it answers it;
 * a press none reads (forged, altered, stale) goes on to the next handler.
 */
export function pressDispatcher<C extends WithButtons>(features: readonly Composer<C>[]): MiddlewareFn<C> {
  const attempts = features.flatMap((f) => pressHandlers.get(f) ?? []);
  return async (ctx, next) => {
    if (ctx.callbackQuery?.data !== undefined)
      for (const tryOne of attempts) {
        const handled = tryOne(ctx as never);
        if (handled) {
          await handled;
          return;
        }
      }
    await next();
  };
}

function reader<A extends unknown[]>(name: string, args: Codecs<A>, signed: boolean): Reads<A> {
  claim(name, args.length);
  const read = (ctx: { buttons: ButtonSigner }, data: string): A | undefined => {
    const payload = signed ? ctx.buttons.open(data) : data;
    if (payload === undefined || !payload.startsWith(`${name}:`)) return undefined;
    const parts = payload.slice(name.length + 1).split(':');
    if (parts.length !== args.length) return undefined;
    const values: unknown[] = [];
    for (const [i, codec] of (args as Codec<unknown>[]).entries()) {
      const value = codec.decode(parts[i]!);
      // An optional argument decodes to undefined from ''; anything else undecodable is refused.
      if (value === undefined && parts[i] !== '') return undefined;
      values.push(value);
    }
    return values as A;
  };
  return {
    read,
    on(composer, handler) {
      onPress(composer, (ctx) => {
        const values = read(ctx, ctx.callbackQuery.data);
        return values ? handler(ctx as never, ...values) : undefined;
      });
    },
  };
}

const encode = <A extends unknown[]>(args: Codecs<A>, values: A) => (args as Codec<unknown>[]).map((codec, i) => codec.encode(values[i]));

function signed<A extends unknown[]>(name: string, args: Codecs<A>): Button<A> {
  return { ...reader(name, args, true), data: (ctx, ...values) => ctx.buttons.sign(name, ...encode(args, values)) };
}

function open<A extends unknown[]>(name: string, args: Codecs<A>, unsignedBecause: string): OpenButton<A> {
  return { ...reader(name, args, false), data: (...values) => [name, ...encode(args, values)].join(':'), unsignedBecause };
}

function fixed(data: string): FixedButton {
  claim(data, 0);
  return {
    data,
    on(composer, handler) {
      onPress(composer, (ctx) => (ctx.callbackQuery.data === data ? handler(ctx as never) : undefined));
    },
  };
}

const CLOSED = 'a closed set of values: the codec refuses anything else';
const AUTHORISED = 'the handler checks who may press it, every time';
const OWN = "the handler changes only the presser's own reminder";

export const BUTTONS = {
  menu: fixed('menu'),
  help: fixed('help'),
  languages: fixed('lang'),
  language: open('lang', [oneOf(...LOCALES)], CLOSED),
  // The main menu's entries.
  menuCoverage: fixed('m:cov'),
  menuAwards: fixed('m:aw'),
  menuSubscriptions: fixed('m:sub'),
  menuCompany: fixed('m:co'),
  menuContribution: fixed('m:iu'),
  menuEnrol: fixed('m:en'),
  // Screens with state: signed.
  coverage: signed('cov', [id]),
  awards: signed('aw', [id]),
  awardsPage: signed('awp', [id, count]),
  chart: signed('gr', [id]),
  provincesChart: open('gr:prov', [oneOf('p', 'n')], CLOSED),
  compare: signed('cmp', [id]),
  contribution: signed('iu', [amount, flag, flag]),
  calculator: signed('iq', [amount, flag]),
  ranking: signed('rk', [oneOf('p', 'n'), oneOf('m', 'l'), matching(/^[a-z0-9.]{1,40}$/)]),
  subscribe: signed('sub', [id]),
  subscribeScope: signed('subc', [id, flag]),
  unsubscribe: signed('unsub', [id]),
  company: signed('co', [id]),
  companyLink: fixed('co:link'),
  companyUnlink: fixed('co:out'),
  // What the understanding offers: a built-in answer, a knowledge entry, and a word on the answer.
  builtIn: open('fx', [matching(/^[a-z]{2,20}$/)], CLOSED),
  knowledge: open('kb', [id], 'an entry anyone may read; an unknown id is answered as such'),
  feedback: signed('fb', [oneOf('u', 'd'), matching(/^[A-Za-z0-9._-]{1,40}$/)]),
  // Officials' flows: every handler checks the person's roles and scope again.
  announceCeremony: open('um:c', [id], AUTHORISED),
  announceFreeText: fixed('um:t'),
  announceSkipEnglish: fixed('um:noen'),
  announceSend: open('um:ok', [count], AUTHORISED),
  announceDiscard: open('um:no', [count], AUTHORISED),
  announceStop: open('um:x', [count], AUTHORISED),
  ceremonyLevel: open('ac:lv', [oneOf('p', 'n')], CLOSED),
  ceremonySave: fixed('ac:ok'),
  ceremonyCancel: fixed('ac:no'),
  winnerCeremony: open('pm:c', [id], AUTHORISED),
  winnerAnother: open('pm:more', [id], AUTHORISED),
  winnerKind: open('pm:k', [oneOf(...AWARD_CATEGORIES)], CLOSED),
  winnerRank: open('pm:r', [oneOf('0', '1', '2', '3')], CLOSED),
  winnerSave: fixed('pm:ok'),
  winnerCancel: fixed('pm:no'),
  // Importing a file sent in the chat.
  fileImportKind: open('fi:k', [oneOf(...IMPORT_KINDS)], AUTHORISED),
  fileImportConfirm: fixed('fi:ok'),
  fileImportCancel: fixed('fi:no'),
  // A worker's own payment reminder. Asking the day keeps the calculation it came from (signed);
  // the rest act only on the presser's own reminder, whoever made the data.
  reminderAsk: signed('ra', [amount, flag, flag]),
  reminderDay: signed('rd', [count, amount, flag, flag]),
  reminderTime: open('rt', [oneOf('420', '540', '720', '1140')], OWN),
  reminderPaid: open('rp', [matching(/^\d{4}-\d{2}$/)], OWN),
  reminderAgain: fixed('r:again'),
  reminderStop: fixed('r:stop'),
  reminderChangeDay: fixed('r:day'),
  // The person's own data: what is kept, and deleting it after one confirmation.
  myDataDelete: fixed('md:del'),
  myDataDeleteConfirm: fixed('md:ok'),
  myDataKeep: fixed('md:no'),
  // The enrolment guide's steps of an earlier version, still on old messages.
  enrolStep: open('en', [matching(/^\d$/)], CLOSED),
} as const;

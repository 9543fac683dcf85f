// A guided conversation (/acara, /pemenang, /umumkan): where the person is is kept in the
// database per chat and person, so that the next message or button continues there on any
// instance and after a restart. One helper for the three flows: its state key, saving the step,
// reading it back, ending it, and the typed answers that belong to it.
import type { Composer, Filter } from 'grammy';
import { endConversation, saveConversation } from '../domain/conversations.ts';
import type { BotContext } from './context.ts';

export interface FlowState<Step extends string, Data> {
  step: Step;
  data: Data;
}

type TextContext = Filter<BotContext, 'message:text'>;

export interface GuidedFlow<Step extends string, Data extends object> {
  readonly name: string;
  /** Saves that the person is now at `step`, with what they answered so far. */
  save(ctx: BotContext, step: Step, data: Data): Promise<void>;
  /** Where the person is in this flow, or undefined when they are not in it. */
  state(ctx: BotContext): Promise<FlowState<Step, Data> | undefined>;
  /** For a button of `step`: the flow's data, or undefined after telling the person the button is stale. */
  atButton(ctx: BotContext, step: Step): Promise<Data | undefined>;
  /** Ends the flow; false when there was none. */
  end(ctx: BotContext): Promise<boolean>;
  /**
   * Messages typed in a private chat while the person is in this flow. Commands pass through
   * (`/batal` ends any flow), as does text outside it.
   */
  onText(
    composer: Composer<BotContext>,
    answer: (ctx: TextContext, state: FlowState<Step, Data>, next: () => Promise<void>) => Promise<unknown>,
  ): void;
}

const keyOf = (ctx: BotContext) => [ctx.chat!.id, ctx.from!.id] as const;

/** Ends whatever flow the person is in (for /batal). */
export const endAnyFlow = (ctx: BotContext): Promise<boolean> => endConversation(ctx.deps.pool, ...keyOf(ctx));

export function guidedFlow<Step extends string, Data extends object>(name: string): GuidedFlow<Step, Data> {
  const state = async (ctx: BotContext): Promise<FlowState<Step, Data> | undefined> => {
    const stored = await ctx.conversation();
    return stored?.flow === name ? { step: stored.step as Step, data: stored.data as Data } : undefined;
  };
  return {
    name,
    save: (ctx, step, data) => saveConversation(ctx.deps.pool, ...keyOf(ctx), { flow: name, step, data: data as Record<string, unknown> }),
    state,
    async atButton(ctx, step) {
      const current = await state(ctx);
      if (current?.step === step) return current.data;
      await ctx.answerCallbackQuery({ text: ctx.t('ceremonies:stale'), show_alert: true });
      return undefined;
    },
    end: endAnyFlow,
    onText(composer, answer) {
      composer.chatType('private').on('message:text', async (ctx, next) => {
        if (ctx.message.text.startsWith('/')) return next();
        const current = await state(ctx);
        if (!current) return next();
        await answer(ctx, current, next);
      });
    },
  };
}

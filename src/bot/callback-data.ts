// Button data that carries state ("cov:13.74") is signed, so that what comes back is what the
// bot sent: a forged or altered button is refused rather than trusted. Telegram allows 64 bytes.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_LENGTH = 8;
const MAX_BYTES = 64;
const MAX_KNOWN = 10_000;

export interface ButtonSigner {
  /** "cov", "13.74" → "cov:13.74:Xy3_ab9Q". */
  sign(action: string, ...args: string[]): string;
  /** What this bot signed ("cov:13.74"), or undefined for data it did not sign. */
  open(data: string): string | undefined;
}

export function buttonSigner(botToken: string): ButtonSigner {
  // The token is the bot's one secret; a key derived from it changes when it is revoked.
  const key = createHash('sha256').update(`paritrana-buttons:${botToken}`).digest();
  // The same buttons are signed again and again (a region's card): each signature once, up to a bound.
  const known = new Map<string, string>();
  const mac = (payload: string) => {
    let signature = known.get(payload);
    if (signature === undefined) {
      if (known.size >= MAX_KNOWN) known.clear();
      signature = createHmac('sha256', key).update(payload).digest('base64url').slice(0, SIGNATURE_LENGTH);
      known.set(payload, signature);
    }
    return signature;
  };
  return {
    sign(action, ...args) {
      const payload = [action, ...args].join(':');
      const data = `${payload}:${mac(payload)}`;
      if (Buffer.byteLength(data) > MAX_BYTES) throw new Error(`button data over ${MAX_BYTES} bytes: ${data}`);
      return data;
    },
    open(data) {
      const cut = data.lastIndexOf(':');
      if (cut <= 0) return undefined;
      const payload = data.slice(0, cut);
      const given = Buffer.from(data.slice(cut + 1));
      const expected = Buffer.from(mac(payload));
      return given.length === expected.length && timingSafeEqual(given, expected) ? payload : undefined;
    },
  };
}

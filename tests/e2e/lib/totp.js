// RFC 6238 TOTP (HMAC-SHA-1) for driving the app's second login step.
import { createHmac } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Length of one TOTP time step in seconds. */
export const PERIOD_SECONDS = 30;

/**
 * Decode an RFC 4648 base32 string. Case-insensitive; whitespace, hyphens
 * and `=` padding are ignored.
 * @param {string} text base32 text, e.g. "GEZD GNBV ..."
 * @returns {Buffer} the decoded bytes
 * @throws {Error} on a character outside the base32 alphabet
 */
export function base32Decode(text) {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const idx = BASE32_ALPHABET.indexOf(ch);
    if (idx === -1) throw new Error(`invalid base32 character ${JSON.stringify(ch)}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/**
 * Encode bytes as unpadded RFC 4648 base32 (upper case).
 * @param {Buffer|Uint8Array|string} data bytes (a string is taken as UTF-8)
 * @returns {string} base32 text without padding
 */
export function base32Encode(data) {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(value >>> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * RFC 4226 HOTP value for a raw key and counter.
 * @param {Buffer} key raw shared secret
 * @param {number|bigint} counter moving factor
 * @param {number} [digits=6] number of digits (6..10)
 * @returns {string} zero-padded code
 */
export function hotp(key, counter, digits = 6) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * Time-step counter for a moment.
 * @param {number|Date} [time=Date.now()] milliseconds since the epoch, or a Date
 * @returns {number} floor(seconds / 30)
 */
export function timeStep(time = Date.now()) {
  const ms = time instanceof Date ? time.getTime() : time;
  return Math.floor(ms / 1000 / PERIOD_SECONDS);
}

/**
 * Milliseconds until the code valid at `time` expires.
 * @param {number|Date} [time=Date.now()] milliseconds since the epoch, or a Date
 * @returns {number} 1..30000
 */
export function msUntilNextStep(time = Date.now()) {
  const ms = time instanceof Date ? time.getTime() : time;
  return (timeStep(ms) + 1) * PERIOD_SECONDS * 1000 - ms;
}

/**
 * RFC 6238 TOTP code (HMAC-SHA-1, 30 s steps).
 * @param {string} secret base32 shared secret (spaces allowed)
 * @param {number|Date} [time=Date.now()] milliseconds since the epoch, or a Date
 * @param {number} [digits=6] number of digits
 * @returns {string} zero-padded code
 */
export function totp(secret, time = Date.now(), digits = 6) {
  return hotp(base32Decode(secret), timeStep(time), digits);
}

/** @type {Map<string, number>} last time step handed out per secret */
const lastStepUsed = new Map();

/**
 * A 6-digit code that is safe to submit now: waits for the next time step
 * when the current code expires within `minRemainingMs`, or when a code of
 * the current step was already handed out for this secret (servers reject
 * replayed codes).
 * @param {string} secret base32 shared secret
 * @param {{minRemainingMs?: number}} [options] default 3000
 * @returns {Promise<string>} the code
 */
export async function freshTotp(secret, { minRemainingMs = 3000 } = {}) {
  const key = secret.replace(/[\s=-]/g, '').toUpperCase();
  for (;;) {
    const now = Date.now();
    const step = timeStep(now);
    const remaining = msUntilNextStep(now);
    const used = lastStepUsed.get(key);
    if (remaining >= minRemainingMs && (used === undefined || step > used)) {
      lastStepUsed.set(key, step);
      return totp(key, now);
    }
    await new Promise((resolve) => setTimeout(resolve, remaining + 50));
  }
}

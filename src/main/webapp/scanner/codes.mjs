/**
 * Ticket codes as the server issues them (see TicketCodes.java): EVX1.<base64url(payload)>.<base64url(signature)>,
 * unpadded, 172 characters. The payload is [ticket id 16 | event id 16 | tier id 16 | nonce 8 | code version int32],
 * big-endian; the Ed25519 signature covers the ASCII text before the second dot. Only the canonical spelling is
 * accepted, as on the server, so that one ticket has one code text.
 */
export const PREFIX = 'EVX1.';
const PAYLOAD_CHARS = 80;
const SIGNATURE_CHARS = 86;
const PAYLOAD_LENGTH = 60;
const SIGNATURE_LENGTH = 64;
export const CODE_LENGTH = PREFIX.length + PAYLOAD_CHARS + 1 + SIGNATURE_CHARS;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Why a code is refused before anything about its ticket is known (the server's InvalidTicketCodeException reasons). */
export class InvalidCode extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}

export function toBase64Url(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) {
      out += ALPHABET[(n >> (18 - 6 * c)) & 63];
    }
  }
  return out;
}

/** The bytes of unpadded base64url text, or null if it is not exactly that (other characters, a bad length). */
export function fromBase64Url(text) {
  if (text.length % 4 === 1) {
    return null;
  }
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of text) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) {
      return null;
    }
    value = (value << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
      value &= (1 << bits) - 1;
    }
  }
  return bytes;
}

function decode(text, length) {
  const bytes = fromBase64Url(text);
  // Unused low bits of the last character must be zero: re-encoding gives the same text back.
  if (bytes === null || bytes.length !== length || toBase64Url(bytes) !== text) {
    throw new InvalidCode('MALFORMED', 'The ticket code is damaged or incomplete');
  }
  return bytes;
}

function uuidAt(bytes, offset) {
  const hex = Array.from(bytes.subarray(offset, offset + 16), b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The fields of a well-formed code and what its signature covers; the signature is not checked here. */
export function parse(code) {
  if (typeof code !== 'string' || !code.startsWith(PREFIX)) {
    throw new InvalidCode('UNKNOWN_FORMAT', 'Not an Eventix ticket code');
  }
  const dot = PREFIX.length + PAYLOAD_CHARS;
  if (code.length !== CODE_LENGTH || code[dot] !== '.') {
    throw new InvalidCode('MALFORMED', 'The ticket code is damaged or incomplete');
  }
  const payload = decode(code.slice(PREFIX.length, dot), PAYLOAD_LENGTH);
  const signature = decode(code.slice(dot + 1), SIGNATURE_LENGTH);
  return {
    ticketId: uuidAt(payload, 0),
    eventId: uuidAt(payload, 16),
    tierId: uuidAt(payload, 32),
    codeVersion: new DataView(payload.buffer).getInt32(56, false),
    signedText: new TextEncoder().encode(code.slice(0, dot)),
    signature,
  };
}

/** An event's verification key from its raw 32 bytes (the offline bundle's publicKey, base64url). */
export async function importKey(publicKey, subtle = globalThis.crypto.subtle) {
  const raw = typeof publicKey === 'string' ? fromBase64Url(publicKey) : publicKey;
  if (raw === null || raw.length !== 32) {
    throw new Error('Not a raw Ed25519 public key');
  }
  return subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
}

/**
 * What a code scanned at {@code eventId} says, if one of the event's keys signed it: the format first, then the
 * event (a ticket of another event is told as such), then the signature, as the server checks them.
 */
export async function verify(code, eventId, keys, subtle = globalThis.crypto.subtle) {
  const parsed = parse(code);
  if (parsed.eventId !== String(eventId).toLowerCase()) {
    throw new InvalidCode('WRONG_EVENT', 'This ticket is for another event');
  }
  for (const key of keys) {
    if (await subtle.verify({ name: 'Ed25519' }, key, parsed.signature, parsed.signedText)) {
      const { ticketId, tierId, codeVersion } = parsed;
      return { ticketId, eventId: parsed.eventId, tierId, codeVersion };
    }
  }
  throw new InvalidCode('BAD_SIGNATURE', 'The ticket code is not genuine');
}

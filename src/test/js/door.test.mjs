// The door scanner page's own decisions (src/main/webapp/scanner), on the ticket code vectors the Java TicketCodesTest
// reads too (src/test/resources/ticket-codes/vectors.json). Run by the Maven build: node --test src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importKey, parse, verify, InvalidCode, toBase64Url, fromBase64Url } from '../../main/webapp/scanner/codes.mjs';
import { DoorBook, plainReason, listReason } from '../../main/webapp/scanner/door.mjs';

const vectors = JSON.parse(readFileSync(new URL('../resources/ticket-codes/vectors.json', import.meta.url), 'utf8'));
const code = name => vectors.codes.find(v => v.name === name).code;
const ticket = name => vectors.codes.find(v => v.name === name).verified;
const general = vectors.tiers.general;
const vip = vectors.tiers.vip;

const LIST_ALL = 'f0000000-0000-4000-8000-000000000001';
const LIST_VIP = 'f0000000-0000-4000-8000-000000000002';
const LIST_LOUNGE = 'f0000000-0000-4000-8000-000000000003';
const LIST_LATER = 'f0000000-0000-4000-8000-000000000004';
const list = (id, extra = {}) => ({ id, eventId: vectors.eventId, name: id, allTiers: true, tierIds: [], scansExits: false,
  opensAt: null, closesAt: null, isDefault: false, ...extra });

/** A whole bundle as GET /checkin/event/{id}/offline-bundle answers it. */
function bundle(extra = {}) {
  return {
    eventId: vectors.eventId, cursor: '1000', full: true, generatedAt: '2026-05-01T18:00:00Z',
    keys: [{ eventId: vectors.eventId, keyId: 'k1', algorithm: 'Ed25519', publicKey: vectors.publicKey }],
    lists: [list(LIST_ALL, { isDefault: true, name: 'All tickets' }),
      list(LIST_VIP, { allTiers: false, tierIds: [vip] }),
      list(LIST_LOUNGE, { scansExits: true }),
      list(LIST_LATER, { opensAt: '2026-05-01T20:00:00Z', closesAt: '2026-05-01T23:00:00Z' })],
    revocations: [{ ticketId: ticket('transferredOld').ticketId, minValidVersion: 2 }],
    refundedTicketIds: [ticket('refunded').ticketId], cancelledTicketIds: [], checkedIn: [],
    ...extra,
  };
}

function book(extra) {
  const b = DoorBook.empty(vectors.eventId);
  b.apply(bundle(extra));
  return b;
}

const AT = new Date('2026-05-01T19:00:00Z');

test('every vector reads and verifies as the server reads it', async () => {
  const keys = [await importKey(vectors.publicKey)];
  for (const v of vectors.codes) {
    if (v.verified) {
      assert.deepEqual(await verify(v.code, vectors.eventId, keys), v.verified, v.name);
    } else {
      await assert.rejects(verify(v.code, vectors.eventId, keys),
        e => e instanceof InvalidCode && e.reason === v.reason, `${v.name}: ${v.reason}`);
    }
  }
});

test('a code of another event verifies with its own key only', async () => {
  const other = await importKey(vectors.otherPublicKey);
  const fields = await verify(code('otherEvent'), vectors.otherEventId, [other]);
  assert.equal(fields.eventId, vectors.otherEventId);
  await assert.rejects(verify(code('valid'), vectors.eventId, [other]), e => e.reason === 'BAD_SIGNATURE');
  // Upper-case event ids from elsewhere still compare.
  assert.equal((await verify(code('otherEvent'), vectors.otherEventId.toUpperCase(), [other])).ticketId,
    ticket('valid').ticketId);
});

test('the layout: prefix, 172 characters, big-endian version', () => {
  const parsed = parse(code('highVersion'));
  assert.equal(code('highVersion').length, 172);
  assert.equal(parsed.codeVersion, 0x01020304);
  assert.equal(parsed.signature.length, 64);
  assert.equal(new TextDecoder().decode(parsed.signedText), code('highVersion').slice(0, 85));
});

test('base64url round trips and refuses what is not canonical', () => {
  for (let n = 0; n < 70; n++) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
    assert.equal(toBase64Url(bytes), Buffer.from(bytes).toString('base64url'));
    assert.deepEqual(fromBase64Url(toBase64Url(bytes)), bytes);
  }
  assert.equal(fromBase64Url('A'), null);
  assert.equal(fromBase64Url('ab+c'), null);
});

test('a valid ticket is admitted once on a list without exits', async () => {
  const door = book();
  const first = await door.decide(code('valid'), { listId: LIST_ALL, at: AT });
  assert.deepEqual(first, { result: 'ADMITTED', reason: null, ticketId: ticket('valid').ticketId, tierId: general,
    listId: LIST_ALL });
  door.mark(first.ticketId, LIST_ALL, true, { at: AT.toISOString(), gate: 'B', pending: true });
  const again = await door.decide(code('valid'), { listId: LIST_ALL, at: AT });
  assert.equal(again.result, 'REFUSED');
  assert.equal(again.reason, 'ALREADY_CHECKED_IN');
  assert.equal(again.mark.gate, 'B');
  // Without a list named, the default list.
  assert.equal((await door.decide(code('valid'), { at: AT })).reason, 'ALREADY_CHECKED_IN');
});

test('the bundle\'s tickets already in are refused; on other lists they may enter', async () => {
  const door = book({ checkedIn: [{ ticketId: ticket('valid').ticketId, listId: LIST_ALL, inside: true }] });
  assert.equal((await door.decide(code('valid'), { listId: LIST_ALL, at: AT })).reason, 'ALREADY_CHECKED_IN');
  assert.equal((await door.decide(code('valid'), { listId: LIST_LOUNGE, at: AT })).result, 'ADMITTED');
});

test('void tickets: an older code of a transferred ticket, refunded and cancelled tickets', async () => {
  const door = book({ cancelledTicketIds: [ticket('vip').ticketId] });
  assert.equal((await door.decide(code('transferredOld'), { listId: LIST_ALL, at: AT })).reason, 'REVOKED');
  assert.equal((await door.decide(code('transferredNew'), { listId: LIST_ALL, at: AT })).result, 'ADMITTED');
  assert.equal((await door.decide(code('refunded'), { listId: LIST_ALL, at: AT })).reason, 'REFUNDED');
  assert.equal((await door.decide(code('vip'), { listId: LIST_VIP, at: AT })).reason, 'CANCELLED');
});

test('unreadable, forged and foreign codes are refused with the server\'s reasons', async () => {
  const door = book();
  for (const [name, reason] of [['alteredPayload', 'BAD_SIGNATURE'], ['raisedVersion', 'BAD_SIGNATURE'],
    ['forged', 'BAD_SIGNATURE'], ['truncated', 'BAD_SIGNATURE'], ['text', 'BAD_SIGNATURE'],
    ['otherEvent', 'WRONG_EVENT']]) {
    const decision = await door.decide(code(name), { listId: LIST_ALL, at: AT });
    assert.equal(decision.result, 'REFUSED', name);
    assert.equal(decision.reason, reason, name);
  }
});

test('list rules: tiers and opening hours', async () => {
  const door = book();
  assert.equal((await door.decide(code('valid'), { listId: LIST_VIP, at: AT })).reason, 'NOT_ON_LIST');
  assert.equal((await door.decide(code('vip'), { listId: LIST_VIP, at: AT })).result, 'ADMITTED');
  assert.equal((await door.decide(code('valid'), { listId: LIST_LATER, at: AT })).reason, 'LIST_CLOSED');
  assert.equal((await door.decide(code('valid'), { listId: LIST_LATER, at: new Date('2026-05-01T20:00:00Z') })).result,
    'ADMITTED');
  assert.equal(listReason(door.list(LIST_LATER), general, new Date('2026-05-01T23:00:00Z')), 'LIST_CLOSED');
  // The void check comes before the list's rules, as on the server.
  assert.equal((await door.decide(code('refunded'), { listId: LIST_VIP, at: AT })).reason, 'REFUNDED');
  assert.equal((await door.decide(code('valid'), { listId: 'f0000000-0000-4000-8000-0000000000ff', at: AT })).reason,
    'NOT_ON_LIST');
});

test('exits and re-entry on a list that scans exits', async () => {
  const door = book();
  const id = ticket('valid').ticketId;
  assert.equal((await door.decide(code('valid'), { listId: LIST_LOUNGE, direction: 'EXIT', at: AT })).reason,
    'NOT_CHECKED_IN');
  door.mark(id, LIST_LOUNGE, true, { at: AT.toISOString(), pending: true });
  assert.equal((await door.decide(code('valid'), { listId: LIST_LOUNGE, direction: 'EXIT', at: AT })).result, 'EXITED');
  door.mark(id, LIST_LOUNGE, false, { at: AT.toISOString(), pending: true });
  assert.equal((await door.decide(code('valid'), { listId: LIST_LOUNGE, at: AT })).result, 'ADMITTED');
  assert.equal((await door.decide(code('valid'), { listId: LIST_ALL, direction: 'EXIT', at: AT })).reason,
    'EXITS_NOT_SCANNED');
});

test('deltas add revocations and admissions; marks give way once the server has them', async () => {
  const door = book();
  const valid = ticket('valid').ticketId;
  door.mark(valid, LIST_ALL, true, { at: '2026-05-01T18:30:00Z', pending: true });
  door.mark(ticket('vip').ticketId, LIST_ALL, true, { at: '2026-05-01T18:31:00Z', pending: false });
  door.apply(bundle({ full: false, cursor: '2000', generatedAt: '2026-05-01T18:40:00Z', refundedTicketIds: [],
    revocations: [{ ticketId: ticket('highVersion').ticketId, minValidVersion: 0x01020305 }],
    checkedIn: [{ ticketId: ticket('transferredNew').ticketId, listId: LIST_ALL, inside: true }] }));
  assert.equal(door.state.cursor, '2000');
  // Revocations accumulate; void ids are whole in every bundle.
  assert.equal((await door.decide(code('transferredOld'), { listId: LIST_ALL, at: AT })).reason, 'REVOKED');
  assert.equal((await door.decide(code('highVersion'), { listId: LIST_ALL, at: AT })).reason, 'REVOKED');
  assert.equal((await door.decide(code('refunded'), { listId: LIST_ALL, at: AT })).result, 'ADMITTED');
  assert.equal((await door.decide(code('transferredNew'), { listId: LIST_ALL, at: AT })).reason, 'ALREADY_CHECKED_IN');
  // The queued mark stays; the synced one gave way to the bundle (which, here, does not list it).
  assert.ok(door.state.marks[`${valid}|${LIST_ALL}`]);
  assert.equal((await door.decide(code('vip'), { listId: LIST_ALL, at: AT })).result, 'ADMITTED');
  door.settle();
  door.apply(bundle({ cursor: '3000', generatedAt: '2026-05-01T18:50:00Z',
    checkedIn: [{ ticketId: valid, listId: LIST_ALL, inside: true }] }));
  assert.deepEqual(door.state.marks, {});
  assert.equal((await door.decide(code('valid'), { listId: LIST_ALL, at: AT })).reason, 'ALREADY_CHECKED_IN');
  // A whole bundle replaces what the deltas added.
  assert.equal((await door.decide(code('highVersion'), { listId: LIST_ALL, at: AT })).result, 'ADMITTED');
});

test('a book survives being stored: its state is plain data', async () => {
  const door = book();
  door.mark(ticket('valid').ticketId, LIST_ALL, true, { at: AT.toISOString(), gate: 'North', pending: true });
  const restored = new DoorBook(structuredClone(door.state));
  assert.equal((await restored.decide(code('valid'), { listId: LIST_ALL, at: AT })).reason, 'ALREADY_CHECKED_IN');
  assert.equal((await restored.decide(code('vip'), { listId: LIST_ALL, at: AT })).result, 'ADMITTED');
  assert.equal(DoorBook.empty(vectors.eventId).ready, false);
  assert.equal(restored.ready, true);
});

test('refusals in plain words', () => {
  const at = new Date(2026, 4, 1, 19, 42).toISOString();
  assert.equal(plainReason('ALREADY_CHECKED_IN', { admittedAt: at, gate: 'B', scanner: 'Phone 1' }),
    'Already checked in at 19:42 through gate B (Phone 1)');
  assert.equal(plainReason('ALREADY_CHECKED_IN'), 'Already checked in');
  assert.match(plainReason('REVOKED'), /^Transferred/);
  assert.match(plainReason('REFUNDED'), /^Refunded/);
  assert.match(plainReason('WRONG_EVENT'), /^Wrong event/);
  assert.equal(plainReason('SOMETHING_NEW'), 'Refused: SOMETHING_NEW');
});

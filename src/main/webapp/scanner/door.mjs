import { InvalidCode, importKey, verify } from './codes.mjs';

/**
 * What a door decides on its own when the network is gone: the event's offline bundle (keys, lists, revocations,
 * void tickets, tickets already in) merged with the deltas fetched since, plus this device's own marks (its seen-set:
 * tickets it let in or out that the bundle may not show yet). Checked in the server's order: the code (format, event,
 * signature), the ticket (an older code of a transferred ticket, refunded, cancelled), the list (tier, hours), then
 * whether it is inside already.
 */
export class DoorBook {
  constructor(state) {
    this.state = state;
    this.imported = null;
  }

  static empty(eventId) {
    return new DoorBook({
      eventId, cursor: null, generatedAt: null, keys: [], lists: [], revocations: {}, refunded: [], cancelled: [],
      checkedIn: {}, marks: {},
    });
  }

  get ready() {
    return this.state.cursor !== null && this.state.keys.length > 0;
  }

  /** Takes a bundle in: a whole one replaces what was known, a delta adds to it (its entries are absolute). */
  apply(bundle) {
    const s = this.state;
    if (s.keys.map(k => k.publicKey).join() !== bundle.keys.map(k => k.publicKey).join()) {
      this.imported = null;
    }
    s.keys = bundle.keys.map(({ keyId, publicKey }) => ({ keyId, publicKey }));
    s.lists = bundle.lists;
    s.refunded = bundle.refundedTicketIds;
    s.cancelled = bundle.cancelledTicketIds;
    if (bundle.full) {
      s.revocations = {};
      s.checkedIn = {};
    }
    for (const { ticketId, minValidVersion } of bundle.revocations) {
      s.revocations[ticketId] = Math.max(s.revocations[ticketId] ?? 0, minValidVersion);
    }
    for (const { ticketId, listId, inside } of bundle.checkedIn) {
      s.checkedIn[key(ticketId, listId)] = inside;
    }
    // A mark the server has taken in before this bundle was made is in the bundle now; one still queued is not.
    const made = Date.parse(bundle.generatedAt);
    for (const [k, mark] of Object.entries(s.marks)) {
      if (!mark.pending && Date.parse(mark.at) <= made) {
        delete s.marks[k];
      }
    }
    s.cursor = bundle.cursor;
    s.generatedAt = bundle.generatedAt;
  }

  /** This device let the ticket in ({@code inside}) or out; {@code pending}: the server has not heard of it yet. */
  mark(ticketId, listId, inside, { at, gate = null, pending = false }) {
    this.state.marks[key(ticketId, listId)] = { inside, at, gate, pending };
  }

  /** The queued scans reached the server: their marks may give way to the next bundle. */
  settle() {
    for (const mark of Object.values(this.state.marks)) {
      mark.pending = false;
    }
  }

  list(listId) {
    const lists = this.state.lists;
    return lists.find(l => l.id === listId) ?? (listId ? null : lists.find(l => l.isDefault) ?? null);
  }

  /** Whether the ticket is inside on the list, and this device's mark if it has one. */
  whereabouts(ticketId, listId) {
    const mark = this.state.marks[key(ticketId, listId)];
    if (mark) {
      return { inside: mark.inside, mark };
    }
    return { inside: this.state.checkedIn[key(ticketId, listId)] === true, mark: null };
  }

  async keys() {
    if (this.imported === null) {
      this.imported = await Promise.all(this.state.keys.map(k => importKey(k.publicKey)));
    }
    return this.imported;
  }

  /**
   * The door's decision on a code: {result: ADMITTED | EXITED | REFUSED, reason, ticketId, tierId, listId, mark}.
   * Reasons are the server's: BAD_SIGNATURE (also for unreadable codes), WRONG_EVENT, REVOKED, REFUNDED, CANCELLED,
   * NOT_ON_LIST, LIST_CLOSED, ALREADY_CHECKED_IN, NOT_CHECKED_IN, EXITS_NOT_SCANNED.
   */
  async decide(code, { listId = null, direction = 'ENTRY', at = new Date() } = {}) {
    const list = this.list(listId);
    if (list === null) {
      return refused('NOT_ON_LIST', {});
    }
    let ticket;
    try {
      ticket = await verify(code, this.state.eventId, await this.keys());
    } catch (e) {
      if (e instanceof InvalidCode) {
        return refused(e.reason === 'WRONG_EVENT' ? 'WRONG_EVENT' : 'BAD_SIGNATURE', { listId: list.id });
      }
      throw e;
    }
    const found = { ticketId: ticket.ticketId, tierId: ticket.tierId, listId: list.id };
    const reason = voidReason(this.state, ticket) ?? listReason(list, ticket.tierId, at);
    if (reason) {
      return refused(reason, found);
    }
    const { inside, mark } = this.whereabouts(ticket.ticketId, list.id);
    if (direction === 'EXIT') {
      if (!list.scansExits) {
        return refused('EXITS_NOT_SCANNED', found);
      }
      return inside ? { result: 'EXITED', reason: null, ...found } : refused('NOT_CHECKED_IN', found);
    }
    return inside ? refused('ALREADY_CHECKED_IN', { ...found, mark }) : { result: 'ADMITTED', reason: null, ...found };
  }
}

function key(ticketId, listId) {
  return `${ticketId}|${listId}`;
}

function refused(reason, found) {
  return { result: 'REFUSED', reason, ticketId: null, tierId: null, listId: null, ...found };
}

/** An older code of a transferred ticket, a refunded or a cancelled ticket. */
function voidReason(state, ticket) {
  if (ticket.codeVersion < (state.revocations[ticket.ticketId] ?? 0)) {
    return 'REVOKED';
  }
  if (state.refunded.includes(ticket.ticketId)) {
    return 'REFUNDED';
  }
  if (state.cancelled.includes(ticket.ticketId)) {
    return 'CANCELLED';
  }
  return null;
}

/** Whether the list takes the tier, and is open at {@code at} (from opensAt inclusive to closesAt exclusive). */
export function listReason(list, tierId, at) {
  if (!list.allTiers && !list.tierIds.includes(tierId)) {
    return 'NOT_ON_LIST';
  }
  const time = at.getTime();
  if ((list.opensAt && time < Date.parse(list.opensAt)) || (list.closesAt && time >= Date.parse(list.closesAt))) {
    return 'LIST_CLOSED';
  }
  return null;
}

/** HH:MM on the door's clock. */
export function clock(instant) {
  const d = new Date(instant);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

const PLAIN = {
  BAD_SIGNATURE: 'Not a genuine ticket: the code is damaged, altered or forged',
  UNKNOWN_FORMAT: 'Not an Eventix ticket code',
  MALFORMED: 'The code is damaged or incomplete',
  WRONG_EVENT: 'Wrong event: this ticket is for another event',
  REVOKED: 'Transferred: this is an old code, the new holder has the valid one',
  REFUNDED: 'Refunded: this ticket is void',
  CANCELLED: 'Cancelled: this ticket is void',
  NOT_ON_LIST: 'Not on this list: its tier does not enter here',
  LIST_CLOSED: 'This list is closed now',
  NOT_CHECKED_IN: 'Not inside: it cannot go out',
  EXITS_NOT_SCANNED: 'This list does not scan exits',
  FORBIDDEN: 'This scanner may not scan for this list',
  NOT_FOUND: 'Unknown list or ticket',
};

/**
 * A refusal in plain words. For ALREADY_CHECKED_IN, {@code first} tells when, where and by whom it went in
 * ({admittedAt, gate, scanner}), from the server or this device's own mark.
 */
export function plainReason(reason, first = null) {
  if (reason === 'ALREADY_CHECKED_IN' || reason === 'DUPLICATE') {
    if (!first || !first.admittedAt) {
      return 'Already checked in';
    }
    const gate = first.gate ? ` through gate ${first.gate}` : '';
    const by = first.scanner ? ` (${first.scanner})` : '';
    return `Already checked in at ${clock(first.admittedAt)}${gate}${by}`;
  }
  return PLAIN[reason] ?? `Refused: ${reason}`;
}

/**
 * Organizers: a user's organizer profile, applied for by an attendee and verified (or rejected) by an admin. Verification grants the ORGANIZER role; only verified organizers may submit events.
 */
package com.eventix.organizers;

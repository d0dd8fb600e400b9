/**
 * Check-in procedures: lists and devices of an organizer's events, the token exchange of devices, the scan desk
 * that decides and records each scan, statistics and the attendee list.
 */
package com.eventix.checkin.control;

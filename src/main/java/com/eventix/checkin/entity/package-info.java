/**
 * Check-in entities and their rules: a list (tiers, opening hours, exits), a scanner device, an admission (a stay
 * on a list, from entry to exit), and the directions, results and refusal reasons of a scan.
 */
package com.eventix.checkin.entity;

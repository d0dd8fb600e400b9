/**
 * The reservation (hold) with its one-way status and payment protection, and the order with its items (one per
 * hold it pays for).
 */
package com.eventix.booking.entity;

/**
 * The reservation (hold) and its one-way status, and the order with its items (one per hold it pays for).
 */
package com.eventix.booking.entity;

/**
 * The reservation (hold) with its one-way status and payment protection, and the order with its items.
 */
package com.eventix.booking.entity;

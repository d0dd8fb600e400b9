/**
 * The reservation (hold) and its one-way status.
 */
package com.eventix.booking.entity;

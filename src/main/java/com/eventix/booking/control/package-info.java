/**
 * Holding, releasing and expiring, each returning quantities to the tier exactly once; placing orders for holds
 * and fulfilling, cancelling or expiring them; releasing the holds of a cancelled event.
 */
package com.eventix.booking.control;

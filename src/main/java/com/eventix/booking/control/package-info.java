/**
 * Holding, releasing and expiring, each returning quantities to the tier exactly once through Inventory; placing
 * orders for holds and fulfilling, cancelling or expiring them, announced as CDI events for the features that
 * react; releasing the holds of a cancelled event.
 */
package com.eventix.booking.control;

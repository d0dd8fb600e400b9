/**
 * Holding, releasing and expiring, each returning quantities to the tier exactly once.
 */
package com.eventix.booking.control;

/**
 * Holding, releasing and expiring, each returning quantities to the tier exactly once through Inventory; placing
 * orders and fulfilling them, announced as CDI events for the features that react.
 */
package com.eventix.booking.control;

package com.eventix.checkin.control;

import com.eventix.platform.api.ApiException;

/**
 * What the door is told: the ticket that went through ({@code passed}), or why not ({@code refusal}, with its
 * error code and details). A refused scan is an answer, not a failure: it is recorded before it is told.
 */
public record ScanAnswer(CheckinScanView passed, ApiException refusal) {
}

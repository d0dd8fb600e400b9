package com.eventix.platform.api;

/**
 * Every error code the API can answer with, and the HTTP status it travels with. Codes are part of the
 * contract: add new ones, never rename or reuse one.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_JSON(400),
    WEAK_PASSWORD(400),
    INVALID_IMAGE(400),
    INVALID_OAUTH_STATE(400),
    INVALID_TICKET_CODE(400),
    INVALID_WEBHOOK_SIGNATURE(400),
    UNKNOWN_PAYMENT_PROVIDER(400),
    UNAUTHORIZED(401),
    INVALID_CREDENTIALS(401),
    INVALID_REFRESH_TOKEN(401),
    REFRESH_TOKEN_REUSED(401),
    ACCOUNT_DISABLED(403),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    EMAIL_TAKEN(409),
    ORGANIZER_EXISTS(409),
    INVALID_STATE_TRANSITION(409),
    EVENT_READ_ONLY(409),
    TIER_HAS_SALES(409),
    CONCURRENT_MODIFICATION(409),
    TICKET_NOT_AVAILABLE(409),
    /** A checked-in, refunded or cancelled ticket (details.status), or one of a cancelled event (details.eventStatus). */
    TICKET_NOT_TRANSFERABLE(409),
    /** The ticket has an open transfer offer already: one at a time. */
    TICKET_ALREADY_OFFERED(409),
    /** The transfer offer was accepted, declined, cancelled or has expired (details.status). */
    TRANSFER_NOT_PENDING(409),
    RESERVATION_ALREADY_ORDERED(409),
    PAYMENT_IN_PROGRESS(409),
    MIXED_CURRENCIES(422),
    TIER_NAME_TAKEN(409),
    RESERVATION_NOT_ACTIVE(409),
    IDEMPOTENCY_REQUEST_IN_PROGRESS(409),
    CONFLICT(409),
    IMAGE_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    ORGANIZER_NOT_VERIFIED(403),
    EVENT_END_BEFORE_START(422),
    EVENT_IN_PAST(422),
    INVALID_SALE_WINDOW(422),
    VENUE_CAPACITY_EXCEEDED(422),
    TIER_BELOW_SOLD(422),
    INVALID_PRICE(422),
    EVENT_HAS_NO_TIERS(422),
    INVALID_TIMEZONE(422),
    INVALID_CURRENCY(422),
    SALES_CLOSED(422),
    ORDER_LIMIT_EXCEEDED(422),
    HOLD_LIMIT_EXCEEDED(422),
    IDEMPOTENCY_KEY_REUSED(422),
    UNSUPPORTED_IMAGE_TYPE(415),
    TICKET_WRONG_EVENT(422),
    /** Transfers close TRANSFER_CUTOFF before the event starts (details.cutoff). */
    TRANSFER_CUTOFF_PASSED(422),
    TRANSFER_TO_SELF(422),
    INVALID_AMOUNT(422),
    REFUND_NOT_ALLOWED(422),
    REFUND_ALREADY_REQUESTED(409),
    TICKET_NOT_REFUNDABLE(409),
    PAYOUTS_ALREADY_HELD(409),
    PAYOUTS_NOT_HELD(409),
    /** A scanned ticket that does not admit here (details.reason: BAD_SIGNATURE, WRONG_EVENT, REVOKED, ...). */
    TICKET_INVALID(422),
    /** The ticket is inside already on this list (details: admittedAt, gate, scanner of that admission). */
    ALREADY_CHECKED_IN(409),
    /** An exit scan of a ticket that is not inside on this list. */
    NOT_CHECKED_IN(409),
    /** An exit scan on a check-in list that does not scan exits. */
    EXITS_NOT_SCANNED(422),
    /** Check-in (lists, scanners, scans) opens once the event is published (details.eventStatus). */
    EVENT_NOT_PUBLISHED(409),
    /** The check-in list has scans: it is kept as the record of them. */
    CHECKIN_LIST_IN_USE(409),
    /** A scanner device key that is unknown or revoked. */
    INVALID_DEVICE_KEY(401),
    /** The scanner device of this token was revoked. */
    SCANNER_REVOKED(401),
    /** An admin may not ban themselves or the last active admin (details.reason). */
    BAN_NOT_ALLOWED(409),
    /** An admin may not change their own role or make an organizer of an account without a verified organizer
     *  profile (details.reason SELF or NOT_A_VERIFIED_ORGANIZER). */
    ROLE_CHANGE_NOT_ALLOWED(409),
    RATE_LIMITED(429),
    OAUTH_EMAIL_NOT_VERIFIED(403),
    OAUTH_PROVIDER_ERROR(502),
    OAUTH_NOT_CONFIGURED(503),
    PAYMENT_PROVIDER_ERROR(502),
    PAYMENT_PROVIDER_NOT_CONFIGURED(503),
    SERVICE_BUSY(503),
    ACCOUNT_EMAIL_UNVERIFIED(409),
    INVALID_VERIFICATION_TOKEN(400),
    INVALID_RESET_TOKEN(400),
    SESSION_EXPIRED(401),
    PAYLOAD_TOO_LARGE(413),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
        };
    }
}

package com.eventix.tickets.control;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.util.Map;

/** A ticket code was refused; the reason travels in the details so scanners can tell the holder why. */
public class InvalidTicketCodeException extends ApiException {
    /** Why a code was refused. */
    public enum Reason {
        /** Not a ticket code of a known format (another prefix, or another code version). */
        UNKNOWN_FORMAT,
        /** The prefix is right but the rest does not parse: truncated, padded, altered characters. */
        MALFORMED,
        /** Well formed, but not signed by the event's key: forged or altered. */
        BAD_SIGNATURE,
        /** A ticket of another event. */
        WRONG_EVENT
    }

    private final Reason reason;

    public InvalidTicketCodeException(Reason reason, String message) {
        super(reason == Reason.WRONG_EVENT ? ErrorCode.TICKET_WRONG_EVENT : ErrorCode.INVALID_TICKET_CODE,
                message, Map.of("reason", reason.name()));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

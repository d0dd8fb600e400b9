package com.eventix.checkin.control;

import com.eventix.checkin.entity.ScanResult;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The server's verdict on one scan an offline device made. */
@Schema(name = "OfflineScanVerdict")
public record OfflineVerdict(String nonce,
                             @Schema(description = "ACCEPTED: recorded as the device decided; DUPLICATE: another "
                                     + "admission of the ticket was on record already (firstAdmission); "
                                     + "REVOKED_ADMITTED: the device let in a void ticket (reason); INVALID: refused "
                                     + "(reason)") Kind verdict,
                             @Schema(description = "The result kept in the scan history") ScanResult result,
                             @Schema(description = "BAD_SIGNATURE, WRONG_EVENT, REVOKED, REFUNDED, CANCELLED, "
                                     + "NOT_ON_LIST, LIST_CLOSED, NOT_CHECKED_IN, EXITS_NOT_SCANNED, or the code of a "
                                     + "scan that could not be taken (FORBIDDEN, NOT_FOUND)") String reason,
                             UUID ticketId,
                             @Schema(description = "With DUPLICATE: the admission on record") FirstAdmission firstAdmission) {

    @Schema(name = "OfflineVerdictKind")
    public enum Kind { ACCEPTED, DUPLICATE, REVOKED_ADMITTED, INVALID }

    /** The admission that was on record when a duplicate arrived. */
    @Schema(name = "OfflineFirstAdmission")
    public record FirstAdmission(UUID admissionId,
                                 Instant admittedAt,
                                 String gate,
                                 String scanner,
                                 @Schema(description = "Whether it was scanned before this scan (by scannedAt); "
                                         + "false: this scan came first at the door but reached the server later")
                                 boolean scannedBefore) {
    }

    /** A scan that could not be taken at all (a list of another event, a list the device may not scan for). */
    public static OfflineVerdict untaken(String nonce, String code) {
        return new OfflineVerdict(nonce, Kind.INVALID, ScanResult.INVALID, code, null, null);
    }
}

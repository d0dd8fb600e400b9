package com.eventix.checkin.control;

import com.eventix.checkin.entity.ScanDirection;
import com.eventix.checkin.entity.ScanResult;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket that went through the door: in (ADMITTED) or out (EXITED). */
@Schema(name = "CheckinScan")
public record CheckinScanView(@Schema(description = "ADMITTED or EXITED") ScanResult result,
                              ScanDirection direction,
                              UUID ticketId,
                              UUID tierId,
                              @Schema(example = "General admission") String tierName,
                              @Schema(example = "Ama Mensah") String holderName,
                              @Schema(description = "How many times the ticket has entered on this list", example = "1")
                              int entryCount,
                              UUID listId,
                              @Schema(example = "All tickets") String listName,
                              @Schema(example = "North gate") String gate,
                              Instant scannedAt) {
}

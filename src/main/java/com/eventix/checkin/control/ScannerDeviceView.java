package com.eventix.checkin.control;

import com.eventix.checkin.entity.ScannerDevice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scanner device as its organizer sees it (never its key). */
@Schema(name = "ScannerDevice")
public record ScannerDeviceView(UUID id,
                                UUID eventId,
                                @Schema(example = "Door phone 1") String name,
                                @Schema(example = "North gate") String gate,
                                @Schema(description = "The lists it scans for; empty: every list of the event")
                                List<UUID> listIds,
                                Instant createdAt,
                                @Schema(description = "When it was revoked (absent: active)") Instant revokedAt) {
    public static ScannerDeviceView of(ScannerDevice device) {
        return new ScannerDeviceView(device.id(), device.eventId(), device.name(), device.gate(),
                device.listIds().stream().sorted().toList(), device.createdAt(), device.revokedAt());
    }
}

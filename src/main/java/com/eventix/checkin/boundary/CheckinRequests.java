package com.eventix.checkin.boundary;

import com.eventix.checkin.entity.CheckinList;
import com.eventix.checkin.entity.LocalResult;
import com.eventix.checkin.entity.ScanDirection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of check-in. Plain classes: Payara's OpenAPI scanner cannot read constraints on records. */
public final class CheckinRequests {
    private CheckinRequests() {
    }

    @Schema(name = "CheckinListRequest")
    public static class ListSettings {
        @NotBlank @Size(max = 100) @Schema(example = "VIP lounge")
        public String name;
        @Size(max = 100) @Schema(description = "The tiers it admits; absent or empty: every tier")
        public List<@NotNull UUID> tierIds;
        @Schema(description = "Scan exits too, so that a ticket that went out may come in again", defaultValue = "false")
        public Boolean scansExits;
        @Schema(description = "Admits from (absent: no limit)")
        public Instant opensAt;
        @Schema(description = "Admits until, exclusive (absent: no limit)")
        public Instant closesAt;

        CheckinList.Settings settings() {
            return new CheckinList.Settings(name.trim(), tierIds == null ? List.of() : tierIds,
                    Boolean.TRUE.equals(scansExits), opensAt, closesAt);
        }
    }

    @Schema(name = "ScannerDeviceRequest")
    public static class NewScanner {
        @NotBlank @Size(max = 100) @Schema(example = "Door phone 1")
        public String name;
        @Size(max = 100) @Schema(description = "Where it scans; its scans carry it unless they name another",
                example = "North gate")
        public String gate;
        @Size(max = 100) @Schema(description = "The lists it may scan for; absent or empty: every list of the event")
        public List<@NotNull UUID> listIds;
    }

    @Schema(name = "ScannerTokenRequest")
    public static class DeviceKey {
        @NotBlank @Size(max = 200) @Schema(description = "The key shown when the device was created")
        public String deviceKey;
    }

    @Schema(name = "ValidateTicketRequest")
    public static class Validate {
        @NotBlank @Size(max = 400) @Schema(description = "The text of the ticket's QR code", example = "EVX1.AAEC...")
        public String code;
        @NotNull
        public UUID eventId;
        @Schema(description = "The list to scan for (absent: the scanner's only list, else the event's default list)")
        public UUID listId;
        @Schema(defaultValue = "ENTRY")
        public ScanDirection direction;
        @Size(max = 100) @Schema(description = "Where (absent: the scanner's own gate)", example = "North gate")
        public String gate;
        @NotBlank @Size(max = 100)
        @Schema(description = "Unique per scan, chosen by the scanner: a retry with the same nonce gets the first "
                + "answer and records nothing new", example = "c0a8012e-7f3b-4d0e-9c55-3a9f1d2b6e41")
        public String nonce;
        @Schema(description = "When the scanner read it (absent, or later than now: now)")
        public Instant scannedAt;
    }

    @Schema(name = "ManualCheckinRequest")
    public static class Manual {
        @Schema(description = "The list (absent: the event's default list)")
        public UUID listId;
        @Schema(defaultValue = "ENTRY")
        public ScanDirection direction;
        @Size(max = 100) @Schema(example = "Box office")
        public String gate;
        @Size(max = 100) @Schema(description = "Makes a retry safe, as for scans (absent: every call is a new one)")
        public String nonce;
    }

    @Schema(name = "OfflineScan")
    public static class OfflineScan {
        @NotBlank @Size(max = 100) @Schema(description = "Unique per scan: a scan synced twice is taken once")
        public String nonce;
        @NotBlank @Size(max = 400) @Schema(description = "The text of the ticket's QR code")
        public String code;
        @Schema(defaultValue = "ENTRY")
        public ScanDirection direction;
        @Schema(description = "The list it was scanned for (absent: the device's only list, else the default list)")
        public UUID listId;
        @Size(max = 100)
        public String gate;
        @NotNull @Schema(description = "When the device scanned it")
        public Instant scannedAt;
        @NotNull @Schema(description = "What the device decided then")
        public LocalResult localResult;
    }

    @Schema(name = "OfflineSyncRequest")
    public static class Sync {
        @NotNull @Size(max = 1000) @Schema(description = "Up to 1,000 scans, in any order")
        public List<@Valid @NotNull OfflineScan> scans;
    }
}

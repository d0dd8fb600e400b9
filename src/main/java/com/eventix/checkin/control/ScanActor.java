package com.eventix.checkin.control;

import com.eventix.checkin.entity.Admission;
import com.eventix.checkin.entity.ScannerDevice;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.util.UUID;

/**
 * Who scans at an event: one of its active scanner devices, or its organizer in person ({@code device} null).
 */
public record ScanActor(UUID eventId, ScannerDevice device, UUID userId, String name) {
    public static ScanActor device(ScannerDevice device) {
        return new ScanActor(device.eventId(), device, null, device.name());
    }

    public static ScanActor organizer(UUID eventId, UUID userId, String name) {
        return new ScanActor(eventId, null, userId, name);
    }

    public UUID deviceId() {
        return device == null ? null : device.id();
    }

    /** A device may scan only for its own lists (FORBIDDEN otherwise); an organizer for any list of the event. */
    public void requireList(UUID listId) {
        if (device != null && !device.scansFor(listId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This scanner does not scan for that list");
        }
    }

    /** The gate of a scan: as given, else the device's own gate. */
    public String gate(String given) {
        return given != null && !given.isBlank() ? given : device == null ? null : device.gate();
    }

    Admission.Scanner asScanner() {
        return new Admission.Scanner(deviceId(), userId, name);
    }
}

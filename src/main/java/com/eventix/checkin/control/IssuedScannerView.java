package com.eventix.checkin.control;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new scanner device with its key: the only time the key is shown. */
@Schema(name = "IssuedScannerDevice")
public record IssuedScannerView(ScannerDeviceView device,
                                @Schema(description = "Exchange it at POST /api/v1/checkin/devices/token; shown once, "
                                        + "only its hash is kept", example = "evxd_3q2-7wQx...") String deviceKey) {
    public static IssuedScannerView of(ScannerDevices.Issued issued) {
        return new IssuedScannerView(ScannerDeviceView.of(issued.device()), issued.deviceKey());
    }
}

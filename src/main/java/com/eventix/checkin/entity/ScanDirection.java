package com.eventix.checkin.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which way a scanned ticket goes through the door. */
@Schema(name = "ScanDirection")
public enum ScanDirection { ENTRY, EXIT }

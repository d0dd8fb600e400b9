package com.eventix.checkin.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an offline device decided at the door, before the server knew. */
@Schema(name = "OfflineLocalResult")
public enum LocalResult {
    ADMITTED,
    EXITED,
    REFUSED
}

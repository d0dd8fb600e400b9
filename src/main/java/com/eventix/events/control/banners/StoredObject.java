package com.eventix.events.control.banners;

/** A stored banner read back, with the content type to serve it with. */
public record StoredObject(byte[] bytes, String contentType) {
}

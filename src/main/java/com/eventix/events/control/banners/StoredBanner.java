package com.eventix.events.control.banners;

/** Where a stored banner lives: its storage key (kept with the event) and the URL clients load it from. */
public record StoredBanner(String key, String url) {
}

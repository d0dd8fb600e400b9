package com.eventix.events.control.banners;

/**
 * An upload that passed {@link BannerImages#validate}: the original bytes (never re-encoded), the type its
 * content proved to be, and its dimensions.
 */
public record BannerImage(byte[] bytes, String contentType, String extension, int width, int height) {
}

package com.eventix.identity.control;

import com.eventix.identity.entity.User;

/** The outcome of a successful sign-in or refresh: a new token pair for the user. */
public record SignedIn(String accessToken, String refreshToken, long expiresInSeconds, User user) {
}

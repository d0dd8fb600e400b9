package com.eventix.identity.control;

import java.util.UUID;

/** An admin banned this user (fired in the banning transaction): booking releases the user's holds. */
public record UserBanned(UUID userId) {
}

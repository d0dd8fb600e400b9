package com.eventix.identity.entity;

/** What a user may do, in rising order of power; carried in the access token's "groups" claim. */
public enum Role {
    ATTENDEE, ORGANIZER, ADMIN;

    public static final String ATTENDEE_NAME = "ATTENDEE";
    public static final String ORGANIZER_NAME = "ORGANIZER";
    public static final String ADMIN_NAME = "ADMIN";
}

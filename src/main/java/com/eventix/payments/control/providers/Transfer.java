package com.eventix.payments.control.providers;

/** Money sent from the platform's provider balance to an organizer's account there, and how far it got. */
public record Transfer(String providerTransferId, State state) {

    public enum State {
        /** Accepted, not yet final (Paystack may take minutes); asked again later. */
        PENDING,
        SUCCEEDED,
        FAILED
    }
}

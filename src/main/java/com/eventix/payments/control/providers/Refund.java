package com.eventix.payments.control.providers;

/** A refund the provider accepted, and how far it got. A pending refund completes later (see the webhook). */
public record Refund(String providerRefundId, State state) {

    public enum State {
        PENDING,
        SUCCEEDED,
        FAILED
    }
}

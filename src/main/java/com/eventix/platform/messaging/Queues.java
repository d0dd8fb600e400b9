package com.eventix.platform.messaging;

/**
 * The broker's queues, each in this deployment's namespace on the broker ({@link QueueNames}). Artemis creates them
 * on first use.
 */
public final class Queues {
    public static final String NOTIFICATIONS = "eventix.notifications";
    public static final String PAYOUTS = "eventix.payouts";

    private Queues() {
    }
}

package com.eventix.payouts.boundary;

import com.eventix.payouts.control.PayoutMessage;
import com.eventix.payouts.control.Payouts;
import com.eventix.platform.messaging.MessageHandler;
import com.eventix.platform.messaging.Outbox;
import com.eventix.platform.messaging.Queues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The payouts queue's consumer: each message is one attempt at sending a payout. A redelivered or duplicate message
 * finds the payout paid, or claimed by another attempt, and does nothing.
 */
@ApplicationScoped
public class PayoutQueueConsumer implements MessageHandler {
    @Inject
    Payouts payouts;

    @Override
    public String queue() {
        return Queues.PAYOUTS;
    }

    @Override
    public void handle(String messageId, String payload) {
        payouts.send(Outbox.read(payload, PayoutMessage.class));
    }
}

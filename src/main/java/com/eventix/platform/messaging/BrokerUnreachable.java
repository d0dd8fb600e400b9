package com.eventix.platform.messaging;

/**
 * A send failed while the broker was unreachable, or after it had been lost during the send (the client's failover
 * listener had said so): the outage's fault, not the message's, so the outbox charges the message no attempt for it.
 */
final class BrokerUnreachable extends RuntimeException {
    BrokerUnreachable(Throwable cause) {
        super("the broker is unreachable: " + cause.getMessage(), cause);
    }
}

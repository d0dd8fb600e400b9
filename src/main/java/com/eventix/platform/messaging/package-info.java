/**
 * JMS with ActiveMQ Artemis, used directly. Services write messages to the outbox in their own transaction; the relay publishes them after commit; queue workers consume in transacted sessions and handlers apply each message once. A failed message is sent again with back-off, behind the others; after OUTBOX_MAX_ATTEMPTS it is dead (kept, logged, counted) so that it blocks nothing.
 */
package com.eventix.platform.messaging;

/**
 * JMS with ActiveMQ Artemis, used directly. Services write messages to the outbox in their own transaction; the relay publishes them after commit; queue workers consume in transacted sessions and handlers apply each message once.
 */
package com.eventix.platform.messaging;

package com.eventix.platform.messaging;

import com.eventix.platform.observability.TimerRun;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves committed outbox rows to the broker: on a short timer (which also catches up after an outage or a
 * restart) and right after each commit that added one. Rows are claimed with FOR UPDATE SKIP LOCKED, so every
 * instance may run this at once; a crash between send and mark re-sends, never loses.
 */
@Startup
@Singleton
@TimerRun
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 100;

    @Inject
    Broker broker;
    @Inject
    OutboxStore store;
    @Inject
    QueueNames names;

    private final AtomicBoolean running = new AtomicBoolean(false);
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "outbox relay")
    void onTimer() {
        relay();
    }

    @Asynchronous
    public void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxMessageAdded added) {
        relay();
    }

    /**
     * Publishes due rows until none is left; a concurrent call on this instance simply returns. The broker is
     * reached before any row is claimed, so an outage delays messages without counting against them.
     */
    public void relay() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            connect();
            OutboxStore.Batch batch;
            do {
                batch = store.publishBatch(BATCH, this::send);
            } while (batch.failure() == null && batch.claimed() == BATCH);
            if (batch.failure() != null) {
                // That message is set back with back-off; the connection may be what failed: start afresh.
                closeQuietly();
            }
        } catch (JMSException | RuntimeException e) {
            closeQuietly();
            broker.markUnreachable(e);
            LOG.log(Level.FINE, "Outbox relay paused", e);
        } finally {
            running.set(false);
        }
    }

    private void connect() throws JMSException {
        if (producer == null) {
            connection = broker.connect();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(null);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        }
    }

    private void send(OutboxMessage message) {
        boolean reachableBefore = broker.isReachable();
        long lossesBefore = broker.losses();
        try {
            connect();
            TextMessage jms = session.createTextMessage(message.payload());
            jms.setJMSCorrelationID(message.id().toString());
            jms.setStringProperty(MessageHandler.MESSAGE_ID, message.id().toString());
            if (message.traceParent() != null) {
                jms.setStringProperty(MessageHandler.TRACE_PARENT, message.traceParent());
            }
            // Artemis drops a duplicate of a message it already has (same id), e.g. after a re-send following a
            // crash; a retry after a failure or a requeue is a new sending of the message, with an id of its own.
            jms.setStringProperty("_AMQ_DUPL_ID", message.sendingId());
            producer.send(session.createQueue(names.of(message.destination())), jms);
        } catch (JMSException e) {
            // A send on a connection the broker dropped fails once the client stops waiting for it (5 s), or when
            // the client, reconnected, unblocks it: the outage's fault if the broker was down at any time from the
            // send's start to its failure, even if it is back by now.
            if (!reachableBefore || broker.losses() != lossesBefore || !broker.isReachable()) {
                throw new BrokerUnreachable(e);
            }
            throw new IllegalStateException("broker send failed: " + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        producer = null;
        session = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // already gone
            }
            connection = null;
        }
    }

    @PreDestroy
    void stop() {
        closeQuietly();
    }

    /** How many messages wait for the broker (reported by the readiness check). */
    public long pending() {
        return store.pending();
    }
}

package com.eventix.platform.messaging;

import java.util.Optional;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Artemis connection factory, used directly (no resource adapter). The URL comes from ARTEMIS_URL; the
 * client re-connects on its own when an established connection drops, and the callers here re-create a
 * connection that could not be made at all.
 */
@ApplicationScoped
public class Broker {
    private static final Logger LOG = Logger.getLogger(Broker.class.getName());

    @Inject
    @ConfigProperty(name = "ARTEMIS_URL")
    String url;
    @Inject
    @ConfigProperty(name = "ARTEMIS_USER")
    Optional<String> user;
    @Inject
    @ConfigProperty(name = "ARTEMIS_PASSWORD")
    Optional<String> password;

    private ActiveMQConnectionFactory factory;
    private final AtomicBoolean reachable = new AtomicBoolean(false);
    private final AtomicLong losses = new AtomicLong();

    private synchronized ActiveMQConnectionFactory factory() {
        if (factory == null) {
            factory = new ActiveMQConnectionFactory(url);
            // Survive broker restarts: keep retrying an established connection, backing off to 10 s.
            factory.setReconnectAttempts(-1);
            factory.setRetryInterval(500);
            factory.setRetryIntervalMultiplier(2.0);
            factory.setMaxRetryInterval(10_000);
            factory.setCallTimeout(10_000);
            // A send during an outage fails after 5 s instead of waiting for the broker: the outbox keeps it.
            factory.setCallFailoverTimeout(5_000);
            user.ifPresent(name -> {
                factory.setUser(name);
                factory.setPassword(password.orElse(null));
            });
        }
        return factory;
    }

    /** A new started connection; the caller owns and closes it. */
    public Connection connect() throws JMSException {
        try {
            Connection connection = factory().createConnection();
            // The client reconnects by itself; follow its view so health reports an outage while it lasts.
            ((ActiveMQConnection) connection).setFailoverListener(event -> {
                switch (event) {
                    case FAILURE_DETECTED, FAILOVER_FAILED -> markUnreachable(new JMSException(event.name()));
                    case FAILOVER_COMPLETED -> markReachable();
                    default -> { }
                }
            });
            connection.start();
            markReachable();
            return connection;
        } catch (JMSException e) {
            losses.incrementAndGet();
            if (reachable.compareAndSet(true, false)) {
                LOG.warning("Message broker at " + url + " is unreachable: " + e.getMessage()
                        + "; messages wait in the outbox until it returns");
            }
            throw e;
        }
    }

    private void markReachable() {
        if (reachable.compareAndSet(false, true)) {
            LOG.info("Connected to the message broker at " + url);
        }
    }

    public void markUnreachable(Exception cause) {
        losses.incrementAndGet();
        if (reachable.compareAndSet(true, false)) {
            LOG.warning("Lost the message broker at " + url + ": " + cause.getMessage());
        }
    }

    public boolean isReachable() {
        return reachable.get();
    }

    /**
     * How many times a connection has reported the broker lost so far: a caller compares two readings to learn
     * whether an outage began in between, even one the client has recovered from since.
     */
    public long losses() {
        return losses.get();
    }

    public String url() {
        return url;
    }

    @PreDestroy
    synchronized void close() {
        if (factory != null) {
            factory.close();
        }
    }
}

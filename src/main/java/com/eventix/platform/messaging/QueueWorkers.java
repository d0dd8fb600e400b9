package com.eventix.platform.messaging;

import com.eventix.platform.observability.Tracing;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Starts one consumer thread per {@link MessageHandler}. Each receives in a transacted JMS session and commits
 * only after the handler (and its database transaction) succeeded, or after its failure was recorded on the
 * message's outbox row (which sends it again later), so a failure means a retry, not loss.
 * A broker that is down at start or restarts later is waited for, with back-off.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class QueueWorkers {
    private static final Logger LOG = Logger.getLogger(QueueWorkers.class.getName());

    @Resource
    ManagedThreadFactory threads;
    @Inject
    Broker broker;
    @Inject
    Instance<MessageHandler> handlers;
    @Inject
    OutboxStore store;
    @Inject
    QueueNames names;
    @Inject
    Tracing tracing;
    @Inject
    MetricRegistry metrics;
    @Inject
    QueueDepths depths;

    private final List<Worker> workers = new ArrayList<>();

    @PostConstruct
    void start() {
        // The backlog: committed messages not yet handed to the broker; the dead ones wait for an operator.
        metrics.gauge("eventix_outbox_backlog", store::pending);
        metrics.gauge("eventix_outbox_dead", store::dead);
        for (MessageHandler handler : handlers) {
            depths.publish(handler.queue());
            Worker worker = new Worker(handler);
            workers.add(worker);
            Thread thread = threads.newThread(worker);
            thread.setName("eventix-queue-" + handler.queue());
            thread.start();
        }
    }

    @PreDestroy
    void stop() {
        workers.forEach(Worker::stop);
    }

    private final class Worker implements Runnable {
        private final MessageHandler handler;
        private volatile boolean running = true;
        private volatile Connection connection;

        Worker(MessageHandler handler) {
            this.handler = handler;
        }

        @Override
        public void run() {
            long backOff = 500;
            while (running) {
                try (Connection c = broker.connect()) {
                    connection = c;
                    backOff = 500;
                    Session session = c.createSession(true, Session.SESSION_TRANSACTED);
                    MessageConsumer consumer = session.createConsumer(session.createQueue(names.of(handler.queue())));
                    while (running) {
                        Message message = consumer.receive(1000);
                        if (message != null) {
                            process(session, message);
                        }
                    }
                } catch (JMSException | RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    broker.markUnreachable(e);
                    sleep(backOff);
                    backOff = Math.min(backOff * 2, 10_000);
                }
            }
        }

        private void process(Session session, Message message) throws JMSException {
            String id = message.getStringProperty(MessageHandler.MESSAGE_ID);
            try {
                String payload = ((TextMessage) message).getText();
                tracing.consume(handler.queue(), message.getStringProperty(MessageHandler.TRACE_PARENT),
                        () -> handler.handle(id, payload));
                session.commit();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Handling message " + id + " from " + handler.queue() + " failed", e);
                // The outbox row takes the retry (with back-off, behind the other messages, dead after the last
                // attempt): the queue moves on. Without the row (or the database), the broker redelivers it.
                boolean retried;
                try {
                    retried = store.handlingFailed(id, String.valueOf(e.getMessage()));
                } catch (RuntimeException recordFailed) {
                    retried = false;
                }
                if (retried) {
                    session.commit();
                } else {
                    session.rollback();
                }
            }
        }

        void stop() {
            running = false;
            Connection c = connection;
            if (c != null) {
                try {
                    c.close();
                } catch (JMSException ignored) {
                    // shutting down
                }
            }
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}

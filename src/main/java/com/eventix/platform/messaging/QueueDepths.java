package com.eventix.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * How many messages wait in each of this deployment's queues at the broker, {@code eventix_queue_depth{queue}}, asked
 * through Artemis's management address (the broker user needs its manage permission) at most every ten seconds
 * however often /metrics is scraped. NaN while the broker cannot be asked.
 */
@ApplicationScoped
public class QueueDepths {
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final String MANAGEMENT_ADDRESS = "activemq.management";

    @Inject
    Broker broker;
    @Inject
    QueueNames names;
    @Inject
    MetricRegistry metrics;

    private record Sample(double depth, long takenAt) {
    }

    private final Map<String, Sample> samples = new ConcurrentHashMap<>();

    /** Publishes the depth of one of {@link Queues}. */
    void publish(String queue) {
        metrics.gauge("eventix_queue_depth", () -> depth(queue), new Tag("queue", queue));
    }

    double depth(String queue) {
        Sample sample = samples.get(queue);
        if (sample != null && System.nanoTime() - sample.takenAt() < FRESH_NANOS) {
            return sample.depth();
        }
        double depth = broker.isReachable() ? ask(names.of(queue)) : Double.NaN;
        samples.put(queue, new Sample(depth, System.nanoTime()));
        return depth;
    }

    private double ask(String brokerQueue) {
        try (Connection connection = broker.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            Message request = session.createMessage();
            request.setJMSReplyTo(replies);
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + brokerQueue, "messageCount");
            session.createProducer(session.createQueue(MANAGEMENT_ADDRESS)).send(request);
            Message reply = session.createConsumer(replies).receive(2000);
            if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                return Double.NaN;
            }
            return ((Number) JMSManagementHelper.getResult(reply)).doubleValue();
        } catch (Exception e) { // JMSManagementHelper.getResult declares Exception
            return Double.NaN;
        }
    }
}

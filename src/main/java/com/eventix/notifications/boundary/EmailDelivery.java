package com.eventix.notifications.boundary;

import com.eventix.notifications.control.EmailMessage;
import com.eventix.notifications.control.Notifications;
import com.eventix.platform.messaging.MessageHandler;
import com.eventix.platform.messaging.Outbox;
import com.eventix.platform.messaging.Queues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The notifications queue's consumer: turns each message into a delivered email. */
@ApplicationScoped
public class EmailDelivery implements MessageHandler {
    @Inject
    Notifications notifications;

    @Override
    public String queue() {
        return Queues.NOTIFICATIONS;
    }

    @Override
    public void handle(String messageId, String payload) {
        notifications.deliver(Outbox.read(payload, EmailMessage.class));
    }
}

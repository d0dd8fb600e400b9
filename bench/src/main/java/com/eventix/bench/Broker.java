package com.eventix.bench;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** A non-persistent ActiveMQ Artemis broker in this JVM on 127.0.0.1 (as the dev server's EmbeddedBroker). */
final class Broker implements AutoCloseable {
    private final int port;
    private EmbeddedActiveMQ server;

    Broker(int port) {
        this.port = port;
    }

    synchronized Broker start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        return this;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public synchronized void close() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}

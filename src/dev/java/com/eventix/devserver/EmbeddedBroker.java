package com.eventix.devserver;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** An ActiveMQ Artemis broker in this JVM, listening on 127.0.0.1; it can be stopped and started again. */
public final class EmbeddedBroker implements AutoCloseable {
    private final int port;
    private final boolean persistent;
    private final String dataDir;
    private EmbeddedActiveMQ server;

    public EmbeddedBroker(int port, boolean persistent, String dataDir) {
        this.port = port;
        this.persistent = persistent;
        this.dataDir = dataDir;
    }

    public synchronized EmbeddedBroker start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(persistent)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        if (persistent) {
            config.setJournalDirectory(dataDir + "/journal")
                    .setBindingsDirectory(dataDir + "/bindings")
                    .setLargeMessagesDirectory(dataDir + "/large-messages")
                    .setPagingDirectory(dataDir + "/paging");
        }
        server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        return this;
    }

    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}

package com.eventix.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The Payara Micro container, started once per test run instead of once per test class. Arquillian's Payara
 * Micro adapter starts a server for every deployment and stops it when the class ends; this one keeps a
 * container's server (marked {@code keepRunning} in arquillian.xml) and hands the next class that deploys the
 * same archive to it the running server, stopping it when the run ends. Test classes therefore share the
 * server's state (as they always shared the database and Redis): each test makes its own users and events.
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {
    /** The base URL of every running server. */
    private static final Set<URI> RUNNING = ConcurrentHashMap.newKeySet();
    private Configuration configuration;
    private Archive<?> running;
    private ProtocolMetaData metadata;

    /** Replaces the adapter's container with this one. */
    public static class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
            builder.observer(ConcurrentArquillian.Capture.class);
        }
    }

    /** The adapter's settings and {@code keepRunning}: whether the server outlives the class that started it. */
    public static class Configuration extends PayaraMicroContainerConfiguration {
        private boolean keepRunning;

        public boolean isKeepRunning() {
            return keepRunning;
        }

        public void setKeepRunning(boolean keepRunning) {
            this.keepRunning = keepRunning;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class getConfigurationClass() {
        return Configuration.class;
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        this.configuration = (Configuration) configuration;
        super.setup(configuration);
    }

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null && running.getName().equals(archive.getName())) {
            return metadata;
        }
        stopRunning();
        metadata = super.deploy(archive);
        running = archive;
        RUNNING.add(baseUrl(metadata));
        return metadata;
    }

    /**
     * The running servers: the suite's second instance shares the first one's database, and whichever of them relays
     * or sweeps first does the work (classes run concurrently, so it may be up or not).
     */
    public static List<URI> running() {
        return List.copyOf(RUNNING);
    }

    private static URI baseUrl(ProtocolMetaData metadata) {
        HTTPContext http = metadata.getContexts(HTTPContext.class).iterator().next();
        return URI.create("http://" + http.getHost() + ":" + http.getPort() + "/");
    }

    @Override
    public synchronized void undeploy(Archive<?> archive) throws DeploymentException {
        if (!configuration.isKeepRunning()) {
            stopRunning();
        }
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        try {
            stopRunning();
        } catch (DeploymentException e) {
            throw new LifecycleException("Could not stop Payara Micro", e);
        }
        super.stop();
    }

    private void stopRunning() throws DeploymentException {
        if (running != null) {
            RUNNING.remove(baseUrl(metadata));
            Archive<?> archive = running;
            running = null;
            metadata = null;
            super.undeploy(archive);
        }
    }
}

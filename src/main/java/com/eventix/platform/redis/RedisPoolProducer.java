package com.eventix.platform.redis;

import java.util.Optional;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * The pooled Jedis client. {@code @Singleton}, not {@code @ApplicationScoped}: JedisPool has final methods and
 * cannot be proxied. Creating the pool does not connect, so a Redis that is down does not stop deployment.
 */
@ApplicationScoped
public class RedisPoolProducer {
    @Inject
    @ConfigProperty(name = "REDIS_HOST")
    String host;
    @Inject
    @ConfigProperty(name = "REDIS_PORT")
    int port;
    @Inject
    @ConfigProperty(name = "REDIS_PASSWORD")
    Optional<String> password;
    @Inject
    @ConfigProperty(name = "REDIS_POOL_MAX")
    int maxConnections;
    @Inject
    @ConfigProperty(name = "REDIS_TIMEOUT_MILLIS")
    int timeoutMillis;

    @Produces
    @Singleton
    JedisPool pool() {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(maxConnections);
        poolConfig.setMaxIdle(maxConnections);
        // A few connections kept open, so a burst does not start with a storm of connects.
        poolConfig.setMinIdle(Math.min(8, maxConnections));
        poolConfig.setJmxEnabled(false);
        poolConfig.setMaxWait(java.time.Duration.ofMillis(timeoutMillis));
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("eventix");
        password.ifPresent(client::password);
        return new JedisPool(poolConfig, new HostAndPort(host, port), client.build());
    }

    void close(@Disposes JedisPool pool) {
        pool.close();
    }
}

package com.eventix.platform.observability;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * LOG_FORMAT=json makes the server's console write {@link JsonLogFormatter} lines (text: the lines configured in
 * payara-config/logging.properties). The formatter is the application's class, so it is set while the application
 * runs and the former one put back when it stops; lines before deployment stay text.
 */
@Startup
@Singleton
public class LogFormat {
    private static final Logger LOG = Logger.getLogger(LogFormat.class.getName());

    @Inject
    @ConfigProperty(name = "LOG_FORMAT", defaultValue = "text")
    String format;

    private final Map<Handler, Formatter> replaced = new IdentityHashMap<>();

    @PostConstruct
    void apply() {
        switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> {
                for (Handler handler : Logger.getLogger("").getHandlers()) {
                    if (handler instanceof ConsoleHandler) {
                        replaced.put(handler, handler.getFormatter());
                        handler.setFormatter(new JsonLogFormatter());
                    }
                }
                LOG.info("Log lines are JSON from here on");
            }
            case "text" -> {
                // as configured
            }
            default -> LOG.warning("LOG_FORMAT=" + format + " is neither text nor json: the log stays text");
        }
    }

    @PreDestroy
    void restore() {
        replaced.forEach(Handler::setFormatter);
        replaced.clear();
    }
}

package com.eventix.platform.config;

import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/** Lets {@code @ConfigProperty Duration} read "15m"-style values (registered in META-INF/services). */
public class DurationConverter implements Converter<Duration> {
    @Override
    public Duration convert(String value) {
        return value == null || value.isBlank() ? null : Durations.parse(value);
    }
}

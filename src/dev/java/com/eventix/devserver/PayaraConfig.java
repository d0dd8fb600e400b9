package com.eventix.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server-side configuration in payara-config/, as every launcher uses it: the JVM options file, the
 * post-boot asadmin commands and the logging properties.
 */
public final class PayaraConfig {
    public static final Path DIR = Path.of("payara-config");

    private PayaraConfig() {
    }

    /**
     * JVM options, one per line in payara-config/jvm.options ('#' starts a comment), then those of the system property
     * {@code eventix.server.extraJvmOptions} (space-separated): the test suite's short-lived servers compile with C1
     * only, which costs less CPU than C2 over a run of minutes.
     */
    public static List<String> jvmOptions() {
        try {
            List<String> options = new ArrayList<>();
            for (String line : Files.readAllLines(DIR.resolve("jvm.options"))) {
                String option = line.strip();
                if (!option.isEmpty() && !option.startsWith("#")) {
                    options.add(option);
                }
            }
            for (String option : System.getProperty("eventix.server.extraJvmOptions", "").split("\\s+")) {
                if (!option.isBlank()) {
                    options.add(option);
                }
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the server-side settings (the -D options of jvm.options), which launchers take from the environment. */
    public static List<String> serverSettingNames() {
        return jvmOptions().stream().filter(o -> o.startsWith("-D") && o.contains("="))
                .map(o -> o.substring(2, o.indexOf('='))).filter(n -> n.equals(n.toUpperCase())).toList();
    }

    /** Payara Micro arguments that apply payara-config/ and add the PostgreSQL driver for the server's pool. */
    public static List<String> microOptions() {
        return List.of(
                "--nocluster",
                "--addlibs", jarOf(org.postgresql.Driver.class).toString(),
                "--prebootcommandfile", DIR.resolve("boot-commands.asadmin").toAbsolutePath().toString(),
                "--logproperties", DIR.resolve("logging.properties").toAbsolutePath().toString());
    }

    /** The payara-micro jar Maven put on the classpath. */
    public static Path microJar() {
        return jarOf(fish.payara.micro.PayaraMicro.class);
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(type.getName() + " is not on the classpath as a jar", e);
        }
    }
}

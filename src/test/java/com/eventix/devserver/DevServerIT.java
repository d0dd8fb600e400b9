package com.eventix.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** README's command 1 as an operator meets it when the port is already taken. */
class DevServerIT {
    @Test
    void aTakenPortEndsTheLauncherAtOnceWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DevServer.class.getName()))
                    .redirectErrorStream(true);
            builder.environment().put("PORT", Integer.toString(taken.getLocalPort()));
            builder.environment().remove("DB_HOST");
            Process launcher = builder.start();

            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("the launcher ends by itself").isTrue();
            String output = read(launcher);
            assertThat(launcher.exitValue()).as(output).isNotZero();
            assertThat(output.strip().lines().toList()).as("one line, naming the port")
                    .singleElement().asString()
                    .contains("Port " + taken.getLocalPort() + " is already in use");
        }
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

package com.eventix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    private static final int INSTANCES = 6;

    @Test
    void instancesStartingTogetherOnOneDataDirectoryAllSignWithTheKeyThatStaysThere(@TempDir Path root)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            for (int round = 0; round < 3; round++) {
                Path dir = root.resolve("round-" + round);
                CyclicBarrier together = new CyclicBarrier(INSTANCES);
                List<Future<KeyPair>> started = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    started.add(pool.submit(() -> {
                        together.await();
                        return SigningKeys.fromDirectory(dir);
                    }));
                }
                Set<String> used = new java.util.HashSet<>();
                for (Future<KeyPair> instance : started) {
                    used.add(encoded(instance.get()));
                }
                // What a restarted instance reads is the key every running one signed with.
                assertThat(used).containsExactly(encoded(SigningKeys.fromDirectory(dir)));
                try (var files = Files.list(dir)) {
                    assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toList()))
                            .containsExactly("jwt-private.pem");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String encoded(KeyPair pair) {
        return java.util.Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }
}

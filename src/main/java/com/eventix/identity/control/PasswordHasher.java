package com.eventix.identity.control;

import com.eventix.platform.concurrency.Bulkhead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), by default
 * with the OWASP minimum parameters (PASSWORD_HASH_MEMORY_KIB and PASSWORD_HASH_ITERATIONS raise them; lower ones
 * are logged as a warning at startup). Stored parameters are honoured on verify, so they can be changed later.
 * <p>
 * Each hash or verification allocates {@code MEMORY_KIB} (19 MiB): every one runs behind a bulkhead of one permit
 * per {@link #HEAP_PER_PERMIT} of the heap (PASSWORD_HASH_CONCURRENCY overrides it), so a burst of sign-ins or
 * registrations is answered 503 SERVICE_BUSY after PASSWORD_HASH_WAIT instead of exhausting the heap.
 */
@ApplicationScoped
public class PasswordHasher {
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    /** OWASP's minimums trade memory for passes at about this product (19 MiB x 2, 12 MiB x 3, ... 7 MiB x 5). */
    static final long OWASP_MINIMUM_WORK = 7_168L * 5;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    /** Heap set aside per concurrent hash: its 19 MiB block plus room for the rest of the request's garbage. */
    static final long HEAP_PER_PERMIT = 64L * 1024 * 1024;
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

    private final SecureRandom random = new SecureRandom();
    private volatile int memoryKib = MEMORY_KIB;
    private volatile int iterations = ITERATIONS;
    /** Verified against when an email is unknown, so that answer takes as long as a wrong password. */
    private volatile String decoy;
    private volatile Bulkhead bulkhead = new Bulkhead("password hashing", heapPermits(), DEFAULT_WAIT);

    public PasswordHasher() {
        this.decoy = hashNow("decoy password that matches nothing");
    }

    /**
     * New hashes' cost and the bulkhead from the settings: 0 permits means one per {@link #HEAP_PER_PERMIT} of the
     * heap.
     */
    @Inject
    void configure(@ConfigProperty(name = "PASSWORD_HASH_MEMORY_KIB") int memoryKib,
                   @ConfigProperty(name = "PASSWORD_HASH_ITERATIONS") int iterations,
                   @ConfigProperty(name = "PASSWORD_HASH_CONCURRENCY") int concurrency,
                   @ConfigProperty(name = "PASSWORD_HASH_WAIT") Duration wait) {
        if (memoryKib < 8 || iterations < 1) {
            throw new IllegalArgumentException("PASSWORD_HASH_MEMORY_KIB must be at least 8 and PASSWORD_HASH_ITERATIONS"
                    + " at least 1 (Argon2's own minimums)");
        }
        if ((long) memoryKib * iterations < OWASP_MINIMUM_WORK) {
            LOG.warning(() -> "Passwords are hashed with argon2id m=" + memoryKib + " KiB, t=" + iterations
                    + ": below OWASP's minimum (m=19456, t=2); fit for tests, not for real accounts");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.decoy = hashNow("decoy password that matches nothing");
        bulkhead = new Bulkhead("password hashing", concurrency > 0 ? concurrency : heapPermits(), wait);
        LOG.fine(() -> "Password hashing bulkhead: " + bulkhead);
    }

    static int heapPermits() {
        return Bulkhead.permitsFor(Runtime.getRuntime().maxMemory(), HEAP_PER_PERMIT);
    }

    /** A new hash of {@code password}; 503 SERVICE_BUSY when the bulkhead stays full. */
    public String hash(String password) {
        return bulkhead.call(() -> hashNow(password));
    }

    /**
     * True when {@code password} matches {@code encoded}; a null hash is checked against a decoy (and fails), so
     * an unknown account costs the same work. 503 SERVICE_BUSY when the bulkhead stays full.
     */
    public boolean verify(String password, String encoded) {
        return bulkhead.call(() -> encoded == null ? decoyCheck(password) : matches(password, encoded));
    }

    private boolean decoyCheck(String password) {
        matches(password, decoy);
        return false;
    }

    private String hashNow(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        int m = memoryKib;
        int t = iterations;
        byte[] hash = derive(password, salt, m, t, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + m + ",t=" + t + ",p=" + PARALLELISM
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private static boolean matches(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String param : parts[3].split(",")) {
            String[] kv = param.split("=");
            switch (kv[0]) {
                case "m" -> m = Integer.parseInt(kv[1]);
                case "t" -> t = Integer.parseInt(kv[1]);
                case "p" -> p = Integer.parseInt(kv[1]);
                default -> { }
            }
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = derive(password, salt, m, t, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                 int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}

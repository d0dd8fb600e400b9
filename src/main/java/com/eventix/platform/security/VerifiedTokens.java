package com.eventix.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Each access token is verified once per instance, not on every request: MicroProfile JWT's own store checks the
 * signature and parses the claims each time it is asked, a fifth of a hold's CPU. Asked before it, this store answers
 * only for tokens the container's store has already found valid ({@link RememberVerifiedTokens} records them after
 * authentication), keyed by the SHA-256 of the whole token, until the token's expiry; for any other token or
 * credential it does not answer, and the container's store decides as before. Nothing about a token outlives it, and
 * refusing the tokens of banned accounts stays a per-request check (BannedAccounts).
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityStore {
    /** Distinct live tokens kept (an access token lives ~15 minutes); beyond it, the least used are verified again. */
    static final int CAPACITY = 100_000;
    private static final ClassValue<Optional<MethodHandle>> TOKEN_READERS = new ClassValue<>() {
        @Override
        protected Optional<MethodHandle> computeValue(Class<?> type) {
            try {
                return Optional.of(MethodHandles.publicLookup().findVirtual(type, "getSignedJWT",
                        MethodType.methodType(String.class)));
            } catch (ReflectiveOperationException e) {
                return Optional.empty();
            }
        }
    };

    @Inject
    Clock clock;
    @Inject
    MetricRegistry metrics;
    private Counter cached;
    private Counter verifiedOnce;

    /** The container's principal is the token itself (a CallerPrincipal that is a JsonWebToken). */
    private record Verified(CallerPrincipal principal, JsonWebToken token, Set<String> groups) {
    }

    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(CAPACITY)
            .expireAfter(Expiry.<String, Verified>creating((key, entry) -> Duration.ofSeconds(
                    Math.max(0, entry.token().getExpirationTime() - clock.instant().getEpochSecond()))))
            .build();

    @PostConstruct
    void count() {
        // eventix_token_verifications_total{result}: "cached" answered here, "verified" kept after the container's check
        cached = metrics.counter("eventix_token_verifications_total", new Tag("result", "cached"));
        verifiedOnce = metrics.counter("eventix_token_verifications_total", new Tag("result", "verified"));
    }

    @Override
    public int priority() {
        return 10; // before the container's MicroProfile JWT store (100)
    }

    /** Groups too: the caller's groups are taken only from a store that provides them (the token's groups). */
    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        Verified known = bearerToken(credential).map(token -> verified.getIfPresent(sha256(token))).orElse(null);
        if (known == null || known.token().getExpirationTime() <= clock.instant().getEpochSecond()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        cached.inc();
        return new CredentialValidationResult(known.principal(), known.groups());
    }

    /** Keeps a token the container verified, unless it is kept already. */
    void remember(JsonWebToken token) {
        String bearer = token.getRawToken();
        if (bearer != null && token instanceof CallerPrincipal principal
                && token.getExpirationTime() > clock.instant().getEpochSecond()) {
            Set<String> groups = token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
            verified.get(sha256(bearer), key -> {
                verifiedOnce.inc();
                return new Verified(principal, token, groups);
            });
        }
    }

    /** The raw token of a MicroProfile JWT credential (Payara's SignedJWTCredential#getSignedJWT). */
    private static Optional<String> bearerToken(Credential credential) {
        return TOKEN_READERS.get(credential.getClass()).map(reader -> {
            try {
                return (String) reader.invoke(credential);
            } catch (Throwable e) {
                return null;
            }
        });
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

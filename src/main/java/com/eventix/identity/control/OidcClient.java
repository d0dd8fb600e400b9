package com.eventix.identity.control;

import java.util.Optional;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The HTTP side of the OpenID provider: discovery, the token endpoint and its signing keys (cached). */
@ApplicationScoped
public class OidcClient {
    /** HTTP/1.1: a provider on plain http (a local identity server) gets no h2c upgrade, which some never answer. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @ConfigProperty(name = "GOOGLE_ISSUER")
    String issuer;
    @Inject
    @ConfigProperty(name = "GOOGLE_CLIENT_ID")
    Optional<String> clientId;
    @Inject
    @ConfigProperty(name = "GOOGLE_CLIENT_SECRET")
    Optional<String> clientSecret;

    private volatile Metadata metadata;
    private volatile JWKSource<SecurityContext> keys;

    public record Metadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri) {
    }

    public Metadata metadata() {
        Metadata m = metadata;
        if (m == null) {
            JsonObject doc = getJson(URI.create(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration"));
            m = new Metadata(doc.getString("issuer"), doc.getString("authorization_endpoint"),
                    doc.getString("token_endpoint"), doc.getString("jwks_uri"));
            metadata = m;
        }
        return m;
    }

    public JWKSource<SecurityContext> keys() {
        JWKSource<SecurityContext> k = keys;
        if (k == null) {
            try {
                k = JWKSourceBuilder.create(URI.create(metadata().jwksUri()).toURL()).build();
            } catch (java.net.MalformedURLException e) {
                throw new ApiException(ErrorCode.OAUTH_PROVIDER_ERROR, "The provider's key URL is invalid");
            }
            keys = k;
        }
        return k;
    }

    /** Redeems an authorization code (with its PKCE verifier); answers the ID token. */
    public String exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId.orElseThrow());
        form.put("client_secret", clientSecret.orElse(""));
        form.put("code_verifier", codeVerifier);
        HttpRequest request = HttpRequest.newBuilder(URI.create(metadata().tokenEndpoint()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GoogleSignIn.form(form)))
                .build();
        JsonObject body = send(request);
        if (!body.containsKey("id_token")) {
            throw new ApiException(ErrorCode.OAUTH_PROVIDER_ERROR, "The provider did not return an ID token");
        }
        return body.getString("id_token");
    }

    private JsonObject getJson(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                .GET().build());
    }

    private JsonObject send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new ApiException(ErrorCode.OAUTH_PROVIDER_ERROR,
                        "The sign-in provider answered HTTP " + response.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (java.io.IOException e) {
            throw new ApiException(ErrorCode.OAUTH_PROVIDER_ERROR, "The sign-in provider is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.OAUTH_PROVIDER_ERROR, "Interrupted while calling the provider");
        }
    }
}

package com.eventix.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** HTTP calls against the deployed server, as one client (one address, optionally one access token). */
public final class Api {
    private final String base;
    private final String clientIp;
    private String accessToken;

    /** A client of the deployment at {@code deploymentUrl}, with its own client address. */
    public static Api at(URL deploymentUrl) {
        return new Api(deploymentUrl);
    }

    Api(URL deploymentUrl) {
        String url = deploymentUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.clientIp = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    public String base() {
        return base;
    }

    public String clientIp() {
        return clientIp;
    }

    /** The bearer token this client sends, or null when anonymous. */
    public String accessToken() {
        return accessToken;
    }

    public Api as(String token) {
        Api copy = new Api(this);
        copy.accessToken = token;
        return copy;
    }

    private Api(Api other) {
        this.base = other.base;
        this.clientIp = other.clientIp;
    }

    public RequestSpecification request() {
        RequestSpecification spec = given().baseUri(base).header("X-Forwarded-For", clientIp)
                .redirects().follow(false);
        if (accessToken != null) {
            spec = spec.header("Authorization", "Bearer " + accessToken);
        }
        return spec;
    }

    public Response get(String path) {
        return request().get(path);
    }

    public Response post(String path, Object body) {
        return request().contentType(ContentType.JSON).body(body).post(path);
    }

    public Response postRaw(String path, String body, String contentType) {
        return request().contentType(contentType).body(body).post(path);
    }

    public Response put(String path, Object body) {
        return request().contentType(ContentType.JSON).body(body).put(path);
    }

    /** Registers a new attendee (201), without signing in. */
    public void register(String email, String password, String firstName, String lastName) {
        post("/api/v1/auth/register", Map.of("email", email, "password", password, "firstName", firstName,
                "lastName", lastName)).then().statusCode(201);
    }

    /** Registers a new attendee and signs in; answers the login response's data. */
    public Map<String, Object> registerAndLogin(String email, String password) {
        register(email, password, "Test", "User");
        return login(email, password);
    }

    public Map<String, Object> login(String email, String password) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password))
                .then().statusCode(200).extract().jsonPath().getMap("data");
    }
}

package com.eventix.bench.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at /api, like the product's /api/v1. */
@ApplicationPath("/api")
public class BaselineApplication extends Application {
}

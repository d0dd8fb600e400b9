/**
 * The HTTP edge in front of every endpoint: CORS for configured origins, security headers on every response
 * (servlet filters, so health, OpenAPI, static pages and error pages are covered too), request body limits and
 * per-family rate limits on the API (JAX-RS filters), and the client address as seen through trusted proxies.
 */
package com.eventix.platform.web;

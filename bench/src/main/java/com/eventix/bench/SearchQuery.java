package com.eventix.bench;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One search as a client sends it: GET /api/v1/events/search?q=...[&category=...][&minPrice=...&maxPrice=...]
 * [&sort=startTime][&page=...]. {@code kind} says what the words are (prefix, word, two words, city, category).
 */
record SearchQuery(String kind, String q, String category, BigDecimal minPrice, BigDecimal maxPrice,
                   boolean sortByStartTime, int page, int size) {

    String path() {
        StringBuilder b = new StringBuilder("/api/v1/events/search?q=").append(encode(q));
        if (category != null) {
            b.append("&category=").append(encode(category));
        }
        if (minPrice != null) {
            b.append("&minPrice=").append(minPrice.toPlainString());
        }
        if (maxPrice != null) {
            b.append("&maxPrice=").append(maxPrice.toPlainString());
        }
        if (sortByStartTime) {
            b.append("&sort=startTime");
        }
        if (page != 1) {
            b.append("&page=").append(page);
        }
        if (size != 20) {
            b.append("&size=").append(size);
        }
        return b.toString();
    }

    boolean priceFilter() {
        return minPrice != null || maxPrice != null;
    }

    /** The labels this query is reported under: its kind, and one per option it uses. */
    java.util.List<String> labels() {
        java.util.List<String> labels = new java.util.ArrayList<>();
        labels.add(kind);
        if (category != null) {
            labels.add("+ category filter");
        }
        if (priceFilter()) {
            labels.add("+ price filter");
        }
        labels.add(sortByStartTime ? "sort=startTime" : "sort=relevance");
        if (page > 1) {
            labels.add("page 2+");
        }
        return labels;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package com.eventix.platform.persistence;

import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/** The WHERE clause of a search whose filters are optional: each given one adds its clause and binds its value. */
public final class Conditions {
    private final StringBuilder where;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Starts from {@code base}, a clause that always holds (such as a join's condition). */
    public Conditions(String base) {
        this.where = new StringBuilder(" WHERE ").append(base);
    }

    /** Adds {@code clause}, which names {@code :parameter}, unless {@code value} is null. */
    public Conditions and(String clause, String parameter, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds {@code clause} with the values it names, always. */
    public Conditions and(String clause, Map<String, Object> values) {
        where.append(" AND ").append(clause);
        parameters.putAll(values);
        return this;
    }

    @Override
    public String toString() {
        return where.toString();
    }

    /** Binds the values to each query built with this clause. */
    public void bind(TypedQuery<?>... queries) {
        for (TypedQuery<?> query : queries) {
            parameters.forEach(query::setParameter);
        }
    }
}

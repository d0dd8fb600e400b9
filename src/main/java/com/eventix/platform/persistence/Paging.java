package com.eventix.platform.persistence;

import com.eventix.platform.api.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a JPQL query with its total: the rows of {@code SELECT alias FROM Entity alias WHERE ... ORDER BY ...}
 * for the page asked and {@code SELECT COUNT(alias)} of the same conditions, each condition's parameter set on both.
 * Callers check the paging asked for ({@link Page#checkRequest}) where they take it in.
 *
 * <pre>{@code
 * Paging.of(em, Payout.class, "p").where("p.status = :status", "status", status)
 *         .page("p.createdAt DESC, p.id", page, size);
 * }</pre>
 */
public final class Paging<T> {
    private final EntityManager em;
    private final Class<T> type;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Paging(EntityManager em, Class<T> type, String alias) {
        this.em = em;
        this.type = type;
        this.alias = alias;
    }

    /** Pages through every entity of {@code type}, named {@code alias} in conditions and the order. */
    public static <T> Paging<T> of(EntityManager em, Class<T> type, String alias) {
        return new Paging<>(em, type, alias);
    }

    /** Keeps only the rows meeting {@code condition}, whose one named parameter {@code name} is {@code value}. */
    public Paging<T> where(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
        return this;
    }

    /** The page numbered {@code page} (from 1) of {@code size} rows in {@code order}, and the total of rows. */
    public Page<T> page(String order, int page, int size) {
        String from = " FROM " + em.getMetamodel().entity(type).getName() + " " + alias
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        TypedQuery<T> items = em.createQuery("SELECT " + alias + from + " ORDER BY " + order, type);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + from, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<T> rows = items.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new Page<>(rows, page, size, count.getSingleResult());
    }
}

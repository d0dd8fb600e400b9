package com.eventix.identity.control;

import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Looks users up. */
@ApplicationScoped
public class Users {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    public Optional<User> byEmail(String email) {
        return em.createQuery("SELECT u FROM User u WHERE u.email = :email", User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream().findFirst();
    }

    public Optional<User> byGoogleSubject(String subject) {
        return em.createQuery("SELECT u FROM User u WHERE u.googleSubject = :subject", User.class)
                .setParameter("subject", subject)
                .getResultStream().findFirst();
    }

    public User get(UUID id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        return user;
    }

    /**
     * Accounts for admins, newest first: {@code q} matches a part of the email or name (case-insensitive, as typed,
     * wildcards taken literally), {@code status} narrows to active or banned ones.
     */
    public Page<User> search(String q, User.Status status, int page, int size) {
        Page.checkRequest(page, size);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        String pattern = q == null || q.isBlank() ? null
                : "%" + q.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        if (pattern != null) {
            where.append(" AND (u.email LIKE :q ESCAPE '\\' OR LOWER(CONCAT(CONCAT(u.firstName, ' '), u.lastName)) "
                    + "LIKE :q ESCAPE '\\')");
        }
        if (status != null) {
            where.append(" AND u.status = :status");
        }
        var items = em.createQuery("SELECT u FROM User u" + where + " ORDER BY u.createdAt DESC, u.id", User.class);
        var count = em.createQuery("SELECT COUNT(u) FROM User u" + where, Long.class);
        if (pattern != null) {
            items.setParameter("q", pattern);
            count.setParameter("q", pattern);
        }
        if (status != null) {
            items.setParameter("status", status);
            count.setParameter("status", status);
        }
        return new Page<>(items.setFirstResult((page - 1) * size).setMaxResults(size).getResultList(), page, size,
                count.getSingleResult());
    }
}

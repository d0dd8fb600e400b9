package com.eventix.identity.control;

import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.Page;
import com.eventix.platform.persistence.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
     * Locks the active admins in id order and answers them: admins acting on each other's accounts at once (bans,
     * role changes) are decided one after the other without deadlock, the second seeing what the first did.
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public List<User> lockActiveAdmins() {
        return em.createQuery("SELECT u FROM User u WHERE u.role = :admin AND u.status = :active ORDER BY u.id",
                        User.class)
                .setParameter("admin", com.eventix.identity.entity.Role.ADMIN).setParameter("active", User.Status.ACTIVE)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * Accounts for admins, newest first: {@code q} matches a part of the email or name (case-insensitive, as typed,
     * wildcards taken literally), {@code status} narrows to active or banned ones.
     */
    public Page<User> search(String q, User.Status status, int page, int size) {
        Page.checkRequest(page, size);
        Paging<User> users = Paging.of(em, User.class, "u");
        if (q != null && !q.isBlank()) {
            String pattern = "%" + q.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            users.where("(u.email LIKE :q ESCAPE '\\' OR LOWER(CONCAT(CONCAT(u.firstName, ' '), u.lastName)) "
                    + "LIKE :q ESCAPE '\\')", "q", pattern);
        }
        if (status != null) {
            users.where("u.status = :status", "status", status);
        }
        return users.page("u.createdAt DESC, u.id", page, size);
    }
}

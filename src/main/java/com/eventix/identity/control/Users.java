package com.eventix.identity.control;

import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
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
}

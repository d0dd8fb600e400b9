package com.eventix.identity.boundary;

import com.eventix.identity.entity.Role;
import com.eventix.identity.entity.User;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the API shows it (never the password hash). */
@Schema(name = "User")
public record UserView(UUID id, @Schema(example = "ama@example.com") String email,
                       @Schema(example = "Ama") String firstName, @Schema(example = "Mensah") String lastName,
                       String phone, Role role, boolean googleLinked,
                       @Schema(description = "Whether the owner proved they read mail at this address")
                       boolean emailVerified,
                       Instant createdAt,
                       Instant updatedAt) {
    public static UserView of(User u) {
        return new UserView(u.id(), u.email(), u.firstName(), u.lastName(), u.phone(), u.role(),
                u.googleSubject() != null, u.isEmailVerified(), u.createdAt(), u.updatedAt());
    }
}

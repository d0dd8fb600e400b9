package com.eventix.admin.boundary;

import com.eventix.identity.entity.Role;
import com.eventix.identity.entity.User;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as admins see it: its standing as well as its profile (never the password hash). */
@Schema(name = "AdminUser")
public record AdminUserView(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                            String email, String firstName, String lastName, Role role,
                            @Schema(description = "ACTIVE or BANNED") User.Status status,
                            boolean emailVerified,
                            @Schema(type = SchemaType.STRING, format = "date-time") Instant bannedAt,
                            String banReason,
                            @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt) {

    static AdminUserView of(User u) {
        return new AdminUserView(u.id(), u.email(), u.firstName(), u.lastName(), u.role(), u.status(),
                u.isEmailVerified(), u.bannedAt(), u.banReason(), u.createdAt());
    }
}

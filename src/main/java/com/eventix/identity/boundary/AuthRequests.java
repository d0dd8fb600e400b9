package com.eventix.identity.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the authentication endpoints. */
public final class AuthRequests {
    private AuthRequests() {
    }

    @Schema(name = "RegisterRequest")
    public record Register(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 128) @Schema(description = "At least 10 characters, not a common password") String password,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Size(max = 32) @Pattern(regexp = "^\\+?[0-9 ()-]{5,31}$", message = "must be a phone number") String phone) {
    }

    @Schema(name = "LoginRequest")
    public record Login(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {
    }

    @Schema(name = "RefreshRequest")
    public record Refresh(@NotBlank @Size(max = 256) String refreshToken) {
    }

    @Schema(name = "UpdateProfileRequest", description = "Only the fields present are changed.")
    public record UpdateProfile(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Size(max = 32) @Pattern(regexp = "^$|^\\+?[0-9 ()-]{5,31}$", message = "must be a phone number") String phone) {
    }
}

package com.eventix.identity.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request bodies of the authentication and profile endpoints. Plain classes rather than records: Payara's
 * OpenAPI scanner fails on validation annotations of record constructor parameters.
 */
public final class AuthRequests {
    private AuthRequests() {
    }

    @Schema(name = "RegisterRequest")
    public static class Register {
        @NotBlank @Email @Size(max = 320) @Schema(example = "ama@example.com")
        public String email;
        @NotBlank @Size(max = 128)
        @Schema(description = "At least 10 characters, not a common password", example = "a long passphrase")
        public String password;
        @NotBlank @Size(max = 100) @Schema(example = "Ama")
        public String firstName;
        @NotBlank @Size(max = 100) @Schema(example = "Mensah")
        public String lastName;
        @Size(max = 32) @Pattern(regexp = "^\\+?[0-9 ()-]{5,31}$", message = "must be a phone number")
        public String phone;
    }

    @Schema(name = "LoginRequest")
    public static class Login {
        @NotBlank @Size(max = 320) @Schema(example = "ama@example.com")
        public String email;
        @NotBlank @Size(max = 128) @Schema(example = "a long passphrase")
        public String password;
    }

    @Schema(name = "RefreshRequest")
    public static class Refresh {
        @NotBlank @Size(max = 256)
        public String refreshToken;
    }

    @Schema(name = "UpdateProfileRequest", description = "Only the fields present are changed.")
    public static class UpdateProfile {
        @Size(min = 1, max = 100)
        public String firstName;
        @Size(min = 1, max = 100)
        public String lastName;
        @Size(max = 32) @Pattern(regexp = "^$|^\\+?[0-9 ()-]{5,31}$", message = "must be a phone number")
        public String phone;
    }

    @Schema(name = "VerifyEmailRequest")
    public static class VerifyEmail {
        @NotBlank @Size(max = 256)
        @Schema(description = "The token from the verification email's link")
        public String token;
    }

    @Schema(name = "PasswordResetRequest")
    public static class PasswordReset {
        @NotBlank @Email @Size(max = 320)
        public String email;
    }

    @Schema(name = "PasswordResetConfirmRequest")
    public static class PasswordResetConfirm {
        @NotBlank @Size(max = 256)
        @Schema(description = "The token from the reset email's link")
        public String token;
        @NotBlank @Size(max = 128)
        @Schema(description = "At least 10 characters, not a common password")
        public String newPassword;
    }
}

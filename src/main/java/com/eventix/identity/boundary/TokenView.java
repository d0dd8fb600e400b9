package com.eventix.identity.boundary;

import com.eventix.identity.control.SignedIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token pair as handed to clients. */
@Schema(name = "Tokens")
public record TokenView(@Schema(description = "Send as 'Authorization: Bearer <accessToken>'") String accessToken,
                        @Schema(description = "Trade it for a new pair with refreshTokens; it works once")
                        String refreshToken,
                        @Schema(example = "Bearer") String tokenType,
                        @Schema(description = "Access token lifetime in seconds", example = "900") long expiresIn,
                        UserView user) {
    public static TokenView of(SignedIn s) {
        return new TokenView(s.accessToken(), s.refreshToken(), "Bearer", s.expiresInSeconds(), UserView.of(s.user()));
    }
}

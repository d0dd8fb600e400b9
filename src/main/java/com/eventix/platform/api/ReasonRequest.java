package com.eventix.platform.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A body carrying only a reason (rejections, cancellations): shown to whoever the decision concerns. */
@Schema(name = "ReasonRequest")
public class ReasonRequest {
    @NotBlank @Size(max = 2000)
    public String reason;
}

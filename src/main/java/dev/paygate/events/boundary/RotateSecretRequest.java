package dev.paygate.events.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RotateSecretRequest")
public record RotateSecretRequest(
        @Schema(
                name = "expire_current_in_seconds",
                example = "3600",
                description = "How long the current secret stays valid; default 24 hours, 0 ends it now")
        Integer expireCurrentInSeconds) {}

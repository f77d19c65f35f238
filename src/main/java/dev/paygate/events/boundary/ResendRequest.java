package dev.paygate.events.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResendRequest")
public record ResendRequest(
        @Schema(
                name = "endpoint_id",
                nullable = true,
                description = "One endpoint; left out, every enabled endpoint that takes the event's type")
        String endpointId) {}

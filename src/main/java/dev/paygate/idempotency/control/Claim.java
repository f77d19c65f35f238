package dev.paygate.idempotency.control;

/** What an idempotency key allows a request to do. */
public sealed interface Claim {

    /** The first request with this key: run it, then store its answer under {@code id}. */
    record Granted(String id) implements Claim {}

    /** The key's request has been answered already: send that answer again. */
    record Replay(int status, String body, String location) implements Claim {}

    /** The key's first request is still running. */
    record InUse() implements Claim {}

    /** The key was used for a different request. */
    record Reused() implements Claim {}
}

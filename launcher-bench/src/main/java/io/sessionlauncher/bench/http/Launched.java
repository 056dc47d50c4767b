package io.sessionlauncher.bench.http;

/**
 * A session the launcher answered for.
 *
 * @param id the session's id
 * @param port the port of its resource, read from its {@code sessionURL}
 */
public record Launched(String id, int port) {}

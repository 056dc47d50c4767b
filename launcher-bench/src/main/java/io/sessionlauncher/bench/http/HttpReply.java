package io.sessionlauncher.bench.http;

/**
 * One HTTP answer as the harness needs it.
 *
 * @param status the status code
 * @param body the body, decoded as UTF-8
 */
public record HttpReply(int status, String body) {}

package io.sessionlauncher.spi;

/** The kind of a server a product exposes, as named in its plugin's server spec. */
public enum ServerType {
  /** Any server reached at {@code host:port} (HTTP, WebSocket, a custom protocol). */
  GENERIC,
  /** A gRPC server at {@code host:port}. */
  GRPC
}

package io.sessionlauncher.model;

/** The request names an application that the configuration does not define. */
public class UnknownApplicationException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  private final String application;

  public UnknownApplicationException(String application) {
    super("Unknown application: " + application);
    this.application = application;
  }

  /** The name the client asked for. */
  public String application() {
    return application;
  }
}

package io.sessionlauncher.model;

/**
 * A template refers to a variable that neither the configuration nor the request provides. The
 * launcher refuses the request rather than pass the literal {@code ${name}} to a program.
 */
public class UnresolvedVariableException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  private final String variable;

  public UnresolvedVariableException(String variable) {
    super("The request does not provide a value for the variable '" + variable + "'");
    this.variable = variable;
  }

  /** Name of the missing variable, without {@code $} or braces. */
  public String variable() {
    return variable;
  }
}

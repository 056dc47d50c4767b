package io.sessionlauncher.engine.reload;

import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.ConflictException;

/**
 * A reload whose file was refused: the running configuration stays. The message is the check's,
 * naming the file, the key and what was expected, so the operator can fix the file and ask again.
 */
public class ReloadRefusedException extends ConflictException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String key;

  public ReloadRefusedException(ConfigurationException refusal) {
    super("The configuration was not reloaded, the running one stays: " + refusal.getMessage());
    this.file = refusal.file();
    this.key = refusal.key();
  }

  /** The file that holds the error, or {@code null}. */
  public String file() {
    return file;
  }

  /** The dotted path of the offending key; empty when the whole file is at fault. */
  public String key() {
    return key;
  }
}

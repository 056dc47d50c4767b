package io.sessionlauncher.engine.config;

import io.sessionlauncher.model.AppConfig;
import java.util.List;

/** Reads a command app's {@code cmd} and {@code ready_line} back from its plugin configuration. */
final class Apps {
  private Apps() {}

  @SuppressWarnings("unchecked")
  static List<String> cmd(AppConfig app) {
    return (List<String>) app.config().get("cmd");
  }

  static String readyLine(AppConfig app) {
    return (String) app.config().get("ready_line");
  }
}

package io.sessionlauncher.engine.plugin.builtin;

import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.spi.Description;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * The command-line process launcher of the ParaViewWeb/wslink launcher, as a plugin: runs {@code
 * cmd} (no shell), ready when {@code ready_line} appears in its output, or when its port accepts
 * connections if there is no ready line.
 */
public class ProcessPlugin implements LauncherPlugin<ProcessPlugin.Config> {

  /**
   * Configuration of the process plugin; in {@code launcher.json} these are the app's own keys.
   *
   * @param cmd the program and its arguments
   * @param readyLine text meaning ready
   * @param env environment variables
   * @param workingDir folder to run in
   * @param inheritEnv names of the server's own environment variables the session gets, or {@code
   *     null} for all of them
   */
  public record Config(
      @Description("Program and arguments, one element each; never run through a shell") @NotEmpty
          List<@NotNull @NotBlank String> cmd,
      @Description(
              "Text in the output meaning ready; without it, ready is when the port accepts"
                  + " connections")
          String readyLine,
      @Description("Environment variables added to the launcher's own") Map<String, String> env,
      @Description("Folder to run in, relative to the launcher.json folder") String workingDir,
      @Description(
              "Names of the server's own environment variables passed on to the session (the"
                  + " server's environment may hold credentials); all of them when missing")
          List<@NotNull @NotBlank String> inheritEnv) {

    public Config {
      cmd = cmd == null ? null : List.copyOf(cmd);
      inheritEnv = inheritEnv == null ? null : List.copyOf(inheritEnv);
      env = env == null ? Map.of() : Map.copyOf(env);
      if (readyLine != null && readyLine.isEmpty()) {
        readyLine = null;
      }
    }
  }

  @Override
  public String product() {
    return AppConfig.PROCESS_PRODUCT;
  }

  @Override
  public String mode() {
    return AppConfig.PROCESS_MODE;
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Map<String, ServerType> serverSpec() {
    return Map.of();
  }

  @Override
  public ProductLauncher create(Config config, LaunchContext context) {
    return new ProcessProductLauncher(config, context);
  }
}

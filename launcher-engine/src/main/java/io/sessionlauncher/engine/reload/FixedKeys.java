package io.sessionlauncher.engine.reload;

import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ServerSettings;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The keys of {@code launcher.json} a running launcher cannot take over: where its files are, what
 * it serves and to whom, how it supervises. Each is read once at start-up by a part that holds on
 * to it (the proxy file's path and mode, the session records, the audit trail, the HTTP filters,
 * the sweeper's schedule), or changing it under live sessions would strand them (their logs,
 * records and proxy lines are where the old value put them). A reload that changes one is refused
 * naming the key; a restart of the application applies it.
 */
final class FixedKeys {
  private record Key(String name, Function<ServerSettings, Object> value) {}

  private static final List<Key> KEYS =
      List.of(
          new Key("configuration.host", ServerSettings::host),
          new Key("configuration.port", ServerSettings::port),
          new Key("configuration.endpoint", ServerSettings::endpoint),
          new Key("configuration.proxy_file", ServerSettings::proxyFile),
          new Key("configuration.proxy_file_mode", s -> s.proxyAccess().permissions()),
          new Key("configuration.proxy_file_group", s -> s.proxyAccess().group()),
          new Key("configuration.log_dir", ServerSettings::logDir),
          new Key("configuration.content", ServerSettings::content),
          new Key("configuration.upload_dir", ServerSettings::uploadDir),
          new Key("configuration.cors_origins", s -> s.http().corsOrigins()),
          new Key("configuration.allowed_hosts", s -> s.http().allowedHosts()),
          new Key("configuration.max_upload_size", s -> s.http().maxUploadBytes()),
          new Key("configuration.upload_quota", s -> s.http().uploadQuotaBytes()),
          new Key("configuration.proxy_max_message_size", s -> s.http().proxyMaxMessageBytes()),
          new Key("configuration.stop_grace", s -> s.supervision().stopGrace()),
          new Key("configuration.max_log_size", s -> s.supervision().maxLogBytes()),
          new Key("configuration.keep_ended", s -> s.supervision().keepEnded()),
          new Key("configuration.data_dir", s -> s.supervision().dataDir()),
          new Key("configuration.on_restart", s -> s.supervision().onRestart()),
          new Key("configuration.log_retention", s -> s.supervision().logRetention()),
          new Key("configuration.sweep_interval", s -> s.supervision().sweepInterval()),
          new Key("configuration.user_groups", s -> s.access().userGroups()),
          new Key("configuration.admin_groups", s -> s.access().adminGroups()),
          new Key("configuration.audit_file", s -> s.access().auditFile()));

  private FixedKeys() {}

  /**
   * @throws ConfigurationException naming the first fixed key whose value differs, with both values
   */
  static void requireUnchanged(LauncherConfig running, LauncherConfig next) {
    for (Key key : KEYS) {
      Object was = key.value().apply(running.configuration());
      Object now = key.value().apply(next.configuration());
      if (!Objects.equals(was, now)) {
        throw new ConfigurationException(
            next.source(),
            key.name(),
            "cannot change while the launcher runs (it is "
                + describe(was)
                + ", the file says "
                + describe(now)
                + "); restart the application to change it");
      }
    }
  }

  private static String describe(Object value) {
    return value == null ? "not set" : "'" + value + "'";
  }
}

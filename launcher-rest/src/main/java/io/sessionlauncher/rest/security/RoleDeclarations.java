package io.sessionlauncher.rest.security;

import io.sessionlauncher.model.AccessSettings;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.LauncherConfig;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Declares to the server every role {@code launcher.json} names ({@code user_groups}, {@code
 * admin_groups}, each app's {@code roles}), so that the server's role bindings apply to them. Open
 * Liberty answers {@code isUserInRole} only for declared roles, whatever {@code server.xml} binds;
 * {@code web.xml} declares the two default ones, but an operator's {@code roles} for a licensed
 * product are known only from the configuration.
 */
@WebListener
public class RoleDeclarations implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(RoleDeclarations.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    LauncherConfig config = CDI.current().select(LauncherConfig.class).get();
    Set<String> roles = roles(config);
    event.getServletContext().declareRoles(roles.toArray(String[]::new));
    LOG.fine(() -> "Declared the roles " + roles);
  }

  /** Every role the configuration names, in its order. */
  static Set<String> roles(LauncherConfig config) {
    AccessSettings access = config.configuration().access();
    Set<String> roles = new LinkedHashSet<>(access.userGroups());
    roles.addAll(access.adminGroups());
    for (AppConfig app : config.apps().values()) {
      roles.addAll(app.roles());
    }
    return roles;
  }
}

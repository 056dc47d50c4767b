package io.sessionlauncher.war;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The marker a server's MicroProfile JWT support looks for: a bean with this annotation makes it
 * install its bearer token mechanism. Not a bean by discovery; {@link BearerTokenSignOn} adds it
 * only with sign-on on.
 */
@LoginConfig(authMethod = "MP-JWT", realmName = "session-launcher")
@Dependent
public class BearerTokenLogin {}

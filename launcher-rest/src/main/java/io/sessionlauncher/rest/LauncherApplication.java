package io.sessionlauncher.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The launcher's JAX-RS application at the root of its context, so that {@code /<endpoint>/} is
 * where existing clients expect it when the WAR is deployed at {@code /}.
 */
@ApplicationPath("/")
public class LauncherApplication extends Application {}

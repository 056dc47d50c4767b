package io.sessionlauncher.engine.reload;

import io.sessionlauncher.model.LauncherConfig;

/**
 * A CDI event: a reloaded {@code launcher.json} is in force. Observers that registered something
 * per application or per host (metrics) add what is new.
 *
 * @param previous the configuration that was in force
 * @param current the one in force now
 */
public record ConfigReloaded(LauncherConfig previous, LauncherConfig current) {}

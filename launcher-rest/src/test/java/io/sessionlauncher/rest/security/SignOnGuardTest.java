package io.sessionlauncher.rest.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A launcher without sign-on starts on loopback only, unless the operator allows anonymous use. */
class SignOnGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"})
  void withoutSignOnLoopbackStarts(String host) {
    assertDoesNotThrow(() -> new SignOnGuard(new SignOnSettings(false, false, host)).check());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "*", "::", "192.168.1.10", "launcher.example.org", ""})
  void withoutSignOnAnyOtherAddressIsRefusedNamingTheSwitch(String host) {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new SignOnGuard(new SignOnSettings(false, false, host)).check());
    assertTrue(e.getMessage().contains("launcher.allowAnonymous=true"), e.getMessage());
    assertTrue(e.getMessage().contains("no sign-on is configured"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "*"})
  void theOperatorMayAllowAnonymousUse(String host) {
    assertDoesNotThrow(() -> new SignOnGuard(new SignOnSettings(false, true, host)).check());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "*", "127.0.0.1"})
  void withSignOnEveryAddressStarts(String host) {
    assertDoesNotThrow(() -> new SignOnGuard(new SignOnSettings(true, false, host)).check());
  }

  /**
   * A server that does not say where it listens (Payara) starts: {@link LoopbackOnlyFilter} then
   * refuses each request that did not arrive on loopback.
   */
  @Test
  void withoutSignOnAnUnknownHostStarts() {
    assertDoesNotThrow(() -> new SignOnGuard(new SignOnSettings(false, false, null)).check());
    assertFalse(new SignOnSettings(false, false, null).hostKnown());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.53", "::1", "0:0:0:0:0:0:0:1"})
  void loopbackAddressesOfRequestsAreKnown(String address) {
    assertTrue(SignOnSettings.isLoopback(address));
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.2", "fd00::2", "fe80::1%eth0", "0.0.0.0", ""})
  void otherAddressesOfRequestsAreNotLoopback(String address) {
    assertFalse(SignOnSettings.isLoopback(address));
  }
}

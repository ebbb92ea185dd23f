package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginSyntaxTest {
  OriginSyntaxTest() {}

  /**
   * Regression: the loopback test was {@code startsWith("127.")}, so {@code 127.attacker.com}, a
   * name anyone can register, counted as loopback and an {@code http:} origin on it was trusted
   * with credentials without a warning (S10). Loopback is now a parsed host: an IPv4 literal in
   * 127.0.0.0/8, {@code [::1]}, {@code localhost} or a name under it (Secure Contexts, section 3.1;
   * URL standard, "IPv4 serializer").
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "localhost, true",
    "app.localhost, true",
    "127.0.0.1, true",
    "127.255.255.254, true",
    "127.1.2.3, true",
    "[::1], true",
    "127.attacker.com, false",
    "127.0.0.1.attacker.com, false",
    "127.0.0.1.nip.io, false",
    "127.0.0.256, false",
    "127.0.0, false",
    "127.00.0.1, false",
    "127..0.1, false",
    "128.0.0.1, false",
    "0.0.0.0, false",
    "localhost.attacker.com, false",
    "notlocalhost, false",
    "[::2], false",
    "[::ffff:7f00:1], false",
    "'', false",
  })
  void isLoopback_parsesTheHost(String host, boolean loopback) {
    assertThat(OriginSyntax.isLoopback(host)).isEqualTo(loopback);
  }
}

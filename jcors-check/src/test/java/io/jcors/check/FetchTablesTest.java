package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.internal.FetchNames;
import io.jcors.internal.HeaderNames;
import io.jcors.internal.Tokens;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * jcors-check keeps its own copy of the Fetch standard's tables, so that it needs nothing but
 * java.base; the core has the other (its checks and debug mode read it). They must say the same: a
 * check that predicts what a browser does and a configuration check that warns about it cannot
 * disagree on which methods and headers a page can use.
 */
class FetchTablesTest {
  FetchTablesTest() {}

  @Test
  void methodTables_equalTheCores() {
    assertThat(Safelists.SAFELISTED_METHODS).isEqualTo(FetchNames.SAFELISTED_METHODS);
    assertThat(Safelists.FORBIDDEN_METHODS).isEqualTo(FetchNames.FORBIDDEN_METHODS);
    for (String method : new String[] {"trace", "Track", "CONNECT", "GET", "PATCH", "TRACEX"}) {
      assertThat(Safelists.isForbiddenMethod(method))
          .as(method)
          .isEqualTo(FetchNames.isForbiddenMethod(method));
    }
  }

  @Test
  void headerTables_equalTheCores() {
    assertThat(Safelists.FORBIDDEN_REQUEST_HEADERS).isEqualTo(FetchNames.FORBIDDEN_REQUEST_HEADERS);
    assertThat(Safelists.FORBIDDEN_RESPONSE_HEADERS)
        .isEqualTo(FetchNames.FORBIDDEN_RESPONSE_HEADERS);
    for (String name :
        new String[] {"Cookie", "sec-fetch-mode", "Proxy-Authorization", "X-Api-Key", "secret"}) {
      assertThat(Safelists.isForbiddenRequestHeader(Browser.CHROMIUM, name, "x"))
          .as(name)
          .isEqualTo(FetchNames.isForbiddenRequestHeader(name));
    }
  }

  @Test
  void headerNames_equalTheCores() {
    assertThat(CorsChecks.ACAO).isEqualTo(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN);
    assertThat(CorsChecks.ACAC).isEqualTo(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    assertThat(CorsChecks.ACAM).isEqualTo(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS);
    assertThat(CorsChecks.ACAH).isEqualTo(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS);
    assertThat(CorsChecks.ACMA).isEqualTo(HeaderNames.ACCESS_CONTROL_MAX_AGE);
    assertThat(CorsChecks.ACEH).isEqualTo(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS);
  }

  @Test
  void tokenRule_equalsTheCores_forEveryCharAndRandomStrings() {
    for (char c = 0; c < 0x200; c++) {
      String s = String.valueOf(c);
      assertThat(HeaderLists.isToken(s)).as("U+%04X", (int) c).isEqualTo(Tokens.isToken(s));
    }
    assertThat(HeaderLists.isToken("")).isEqualTo(Tokens.isToken(""));
    Random random = new Random(15);
    for (int i = 0; i < 10_000; i++) {
      char[] chars = new char[1 + random.nextInt(6)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = (char) (0x20 + random.nextInt(0x60));
      }
      String s = new String(chars);
      assertThat(HeaderLists.isToken(s)).as(s).isEqualTo(Tokens.isToken(s));
    }
  }
}

package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole Public Suffix List, ICANN and private sections, with its wildcard and exception rules.
 * Regression: a hand-kept list of about 100 suffixes missed most hosting platforms, so {@code
 * https://*.r2.dev} with credentials was not warned about (S11).
 */
class PublicSuffixesTest {
  PublicSuffixesTest() {}

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // Private section: hosting platforms the hand-kept list missed.
    "s3.us-east-1.amazonaws.com, true",
    "r2.dev, true",
    "blob.core.windows.net, true",
    "githubusercontent.com, true",
    // Wildcard rules: *.run.app, *.compute.amazonaws.com, *.ck, *.kobe.jp.
    "a.run.app, true",
    "xyz.run.app, true",
    "eu-west-1.compute.amazonaws.com, true",
    "anything.ck, true",
    "x.kobe.jp, true",
    // Exception rules: !www.ck, !city.kobe.jp.
    "www.ck, false",
    "city.kobe.jp, false",
    // ICANN section.
    "com, true",
    "co.uk, true",
    "github.io, true",
    "xn--55qx5d.cn, true",
    // A top-level domain the list does not know is still a public suffix (the default rule *).
    "notatld, true",
    // Registrable names.
    "example.com, false",
    "example.co.uk, false",
    "myapp.github.io, false",
    "bucket.s3.us-east-1.amazonaws.com, false",
    "service.a.run.app, false",
  })
  void isPublicSuffix(String domain, boolean suffix) {
    assertThat(PublicSuffixes.isPublicSuffix(domain)).isEqualTo(suffix);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "example.com, example.com",
    "a.b.example.com, example.com",
    "www.example.co.uk, example.co.uk",
    "evil.github.io, evil.github.io",
    "x.y.a.run.app, y.a.run.app",
    "www.ck, www.ck",
    "a.city.kobe.jp, city.kobe.jp",
    "com, ''",
    "a.run.app, ''",
  })
  void registrableDomain(String host, String registrable) {
    assertThat(PublicSuffixes.registrableDomain(host))
        .isEqualTo(registrable.isEmpty() ? null : registrable);
  }

  @Test
  void theListIsTheWholePublicSuffixList() {
    assertThat(PublicSuffixes.ruleCount()).isGreaterThan(9_000);
    assertThat(PublicSuffixes.listVersion()).matches("\\d{4}-\\d{2}-\\d{2}.*");
  }
}

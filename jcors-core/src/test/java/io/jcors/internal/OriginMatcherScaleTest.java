package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The structure of a large list, shown by counting work rather than timing it: a pattern lookup
 * tries only the patterns of the request's host, however many patterns the list holds.
 */
class OriginMatcherScaleTest {
  private static final int TENANTS = 10_000;

  OriginMatcherScaleTest() {}

  private static OriginMatcher tenantPatterns(int count) {
    List<OriginPattern> patterns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      patterns.add(OriginPattern.parse("https://*.tenant" + i + ".example.com"));
    }
    patterns.add(OriginPattern.parse("http://localhost:*"));
    return new OriginMatcher(Set.of(), patterns, List.of());
  }

  @Test
  void aTenantsSubdomain_triesOnlyThatTenantsPattern() {
    OriginMatcher matcher = tenantPatterns(TENANTS);
    for (int i = 0; i < TENANTS; i += 97) {
      String origin = "https://app.tenant" + i + ".example.com";
      assertThat(matcher.matches(origin)).as(origin).isTrue();
      assertThat(matcher.patternsTried(origin)).as(origin).isEqualTo(1);
      assertThat(matcher.matches("https://a.b.tenant" + i + ".example.com")).isTrue();
    }
    assertThat(matcher.matches("http://localhost:8080")).isTrue();
    assertThat(matcher.patternsTried("http://localhost:8080")).isEqualTo(1);
  }

  @Test
  void anOriginOfNoTenant_triesNoPattern() {
    OriginMatcher matcher = tenantPatterns(TENANTS);
    for (String origin :
        List.of(
            "https://tenant5.example.com", // the apex: a subdomain wildcard never matches it
            "https://app.tenant" + TENANTS + ".example.com",
            "https://app.tenant5.example.com.evil.net",
            "https://evil-tenant5.example.com",
            "https://[::1]:8080",
            "null")) {
      assertThat(matcher.matches(origin)).as(origin).isFalse();
    }
    assertThat(matcher.patternsTried("https://app.tenant" + TENANTS + ".example.com")).isZero();
    assertThat(matcher.patternsTried("https://app.tenant5.example.com.evil.net")).isZero();
    // The apex is looked up and its pattern tried, which refuses it.
    assertThat(matcher.patternsTried("https://tenant5.example.com")).isEqualTo(1);
  }

  @Test
  void patternsOfOneHost_areAllTried_inOrder() {
    OriginMatcher matcher =
        new OriginMatcher(
            Set.of(),
            List.of(
                OriginPattern.parse("https://*.example.com:8443"),
                OriginPattern.parse("http://*.example.com"),
                OriginPattern.parse("https://*.example.com")),
            List.of());
    assertThat(matcher.matches("https://a.example.com")).isTrue();
    assertThat(matcher.patternsTried("https://a.example.com")).isEqualTo(3);
    assertThat(matcher.matches("https://a.example.com:8443")).isTrue();
    assertThat(matcher.patternsTried("https://a.example.com:8443")).isEqualTo(1);
    assertThat(matcher.matches("https://a.example.com:9443")).isFalse();
  }

  @Test
  void entries_comeBackFromTheCompactForm() {
    OriginMatcher.Builder builder = new OriginMatcher.Builder();
    builder.addExact("https://a.example");
    builder.addExact("https://a.example");
    builder.addPattern(OriginPattern.parse("https://*.b.example"));
    builder.addRegex(JsRegex.compile("/^https:\\/\\/c\\.example$/"));
    List<Object> entries = builder.build().entries();
    assertThat(entries).hasSize(3);
    assertThat(entries.subList(0, 2)).containsExactly("https://a.example", "https://*.b.example");
    assertThat(JsRegex.literal((java.util.regex.Pattern) entries.get(2)))
        .isEqualTo("/^https:\\/\\/c\\.example$/");
  }
}

package io.jcors.internal;

import static io.jcors.internal.NaiveOrigins.reference;
import static io.jcors.internal.NaiveOrigins.referenceReflectable;
import static io.jcors.internal.NaiveOrigins.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.Origins;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests of the origin-pattern matcher ({@link OriginPattern}, {@link OriginMatcher})
 * against the naive reference {@link NaiveOrigins}, shared with the fuzz tests ({@link
 * OriginFuzzTest}). Inputs are random but seeded, and lean towards near misses (evil-example.com,
 * example.com.attacker, ports, upper case, trailing dots, IPv6).
 */
class OriginPatternPropertyTest {
  OriginPatternPropertyTest() {}

  // ---- generators ---------------------------------------------------------------------------

  private static final String[] BASES = {
    "example.com",
    "example.org",
    "localhost",
    "github.io",
    "foo.com",
    "bar.com",
    "a.b",
    "127.0.0.1",
    "[::1]",
    "[2001:db8::1]",
    "xn--bcher-kva.example",
    "co.uk"
  };
  private static final String[] LABELS = {
    "a", "api", "b-c", "x_y", "evil", "example", "com", "www", "0", "EVIL", "", "*", "a b", "ü"
  };
  private static final String[] PORTS = {
    "", "", "", ":80", ":443", ":8080", ":3000", ":08080", ":0", ":65535", ":65536", ":", ":*",
    ":8o80", ":123456", ":+80", ": 80"
  };
  private static final String[] SCHEMES = {"https", "https", "http", "http", "ws", "HTTPS", "htt"};
  private static final String[] SUFFIXES = {
    "", "", "", "", "/", "/path", "?q", " ", "@evil.com", "#", ".", ",https://x.example"
  };

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String labels(Random random, int max) {
    int n = 1 + random.nextInt(max);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(pick(random, LABELS)).append('.');
    }
    return s.toString();
  }

  /** A random host, often a near miss of one of the bases. */
  static String host(Random random) {
    String base = pick(random, BASES);
    switch (random.nextInt(12)) {
      case 0:
        return "evil-" + base;
      case 1:
        return base + ".attacker.example";
      case 2:
        return base + ".";
      case 3:
        return base.toUpperCase(Locale.ROOT);
      case 4:
        return "not" + base;
      case 5:
        return base.substring(1);
      case 6:
      case 7:
        return labels(random, 3) + base;
      case 8:
        return "." + base;
      default:
        return base;
    }
  }

  static String origin(Random random) {
    String sep = random.nextInt(20) == 0 ? "//" : "://";
    String origin = pick(random, SCHEMES) + sep + host(random) + pick(random, PORTS);
    if (random.nextInt(4) == 0) {
      origin += pick(random, SUFFIXES);
    }
    if (random.nextInt(15) == 0 && !origin.isEmpty()) {
      // One random character replaced: the classic fuzzing mutation.
      int at = random.nextInt(origin.length());
      char c = (char) (0x20 + random.nextInt(0x60));
      origin = origin.substring(0, at) + c + origin.substring(at + 1);
    }
    return origin;
  }

  static String pattern(Random random) {
    String scheme = pick(random, new String[] {"https", "http", "ws"});
    String base = pick(random, BASES);
    boolean subdomain = random.nextBoolean();
    String port = pick(random, new String[] {"", ":*", ":8080", ":3000", ":*"});
    if (!subdomain) {
      port = ":*";
    }
    return scheme + "://" + (subdomain ? "*." : "") + base + port;
  }

  /** An origin built to match {@code pattern}, with random labels and a random valid port. */
  static String matchingOrigin(Random random, String pattern) {
    String[] p = split(pattern);
    String host = p[1];
    if (host.startsWith("*.")) {
      String[] good = {"a", "api", "b-c", "x_y", "0", "www"};
      StringBuilder labels = new StringBuilder();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        labels.append(pick(random, good)).append('.');
      }
      host = labels + host.substring(2);
    }
    String port;
    if (p[2] == null) {
      port = "";
    } else if (p[2].equals("*")) {
      port = random.nextBoolean() ? "" : ":" + random.nextInt(65536);
    } else {
      port = ":" + p[2];
    }
    return p[0] + "://" + host + port;
  }

  // ---- the properties -----------------------------------------------------------------------

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 20260101, 987654321})
  void pattern_agreesWithTheReference(long seed) {
    Random random = new Random(seed);
    int compared = 0;
    int matched = 0;
    for (int i = 0; i < 200; i++) {
      String source = pattern(random);
      OriginPattern pattern;
      try {
        pattern = OriginPattern.parse(source);
      } catch (IllegalArgumentException e) {
        continue; // e.g. a wildcard in front of an IP address; covered by the validation tests
      }
      assertThat(pattern.source()).isEqualTo(source);
      List<String> origins = new ArrayList<>();
      for (int j = 0; j < 300; j++) {
        origins.add(origin(random));
      }
      for (int j = 0; j < 20; j++) {
        origins.add(matchingOrigin(random, source));
      }
      for (String origin : origins) {
        boolean expected = reference(source, origin);
        assertThat(pattern.matches(origin))
            .as("pattern %s, origin \"%s\" (seed %d)", source, origin, seed)
            .isEqualTo(expected);
        compared++;
        matched += expected ? 1 : 0;
      }
    }
    assertThat(compared).isGreaterThan(30_000);
    assertThat(matched).as("positive cases").isGreaterThan(1_000);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 8, 9, 1234})
  void matcher_andOrigins_agreeWithTheReference(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 100; round++) {
      Set<String> exact = new LinkedHashSet<>();
      List<String> patterns = new ArrayList<>();
      List<Pattern> regexes = new ArrayList<>();
      int entries = 1 + random.nextInt(6);
      for (int i = 0; i < entries; i++) {
        switch (random.nextInt(3)) {
          case 0:
            String origin = origin(random);
            if (origin.indexOf('*') < 0) { // with a '*' it would be a pattern
              exact.add(origin);
            }
            break;
          case 1:
            String source = pattern(random);
            try {
              OriginPattern.parse(source);
              patterns.add(source);
            } catch (IllegalArgumentException e) {
              // skip
            }
            break;
          default:
            regexes.add(Pattern.compile("^https://" + Pattern.quote(pick(random, BASES)) + "$"));
        }
      }
      List<OriginPattern> compiled = new ArrayList<>();
      patterns.forEach(p -> compiled.add(OriginPattern.parse(p)));
      OriginMatcher matcher = new OriginMatcher(exact, compiled, regexes);
      List<Object> list = new ArrayList<>(exact);
      list.addAll(patterns);
      list.addAll(regexes);
      Origins origins = Origins.of(list);

      List<String> candidates = new ArrayList<>(exact);
      for (String p : patterns) {
        candidates.add(matchingOrigin(random, p));
      }
      for (int j = 0; j < 200; j++) {
        candidates.add(origin(random));
      }
      for (String origin : candidates) {
        boolean expected =
            exact.contains(origin)
                || patterns.stream().anyMatch(p -> reference(p, origin))
                || regexes.stream().anyMatch(r -> r.matcher(origin).find());
        assertThat(matcher.matches(origin))
            .as("list %s, origin \"%s\" (seed %d)", list, origin, seed)
            .isEqualTo(expected && referenceReflectable(origin));
        assertThat(origins.allows(origin))
            .as("Origins %s, origin \"%s\" (seed %d)", list, origin, seed)
            .isEqualTo(expected && referenceReflectable(origin));
      }
    }
  }

  @ParameterizedTest(name = "{0} vs \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://*.example.com | https://api.example.com | true",
        "https://*.example.com | https://a.b.example.com | true",
        "https://*.example.com | https://example.com | false",
        "https://*.example.com | https://evil-example.com | false",
        "https://*.example.com | https://api.example.com.attacker.example | false",
        "https://*.example.com | https://api.example.com. | false",
        "https://*.example.com | https://API.example.com | false",
        "https://*.example.com | https://api.example.com:443 | false",
        "https://*.example.com | https://api.example.com:8443 | false",
        "https://*.example.com | http://api.example.com | false",
        "https://*.example.com | https://.example.com | false",
        "https://*.example.com | https://a..example.com | false",
        "https://*.example.com | https://a/.example.com | false",
        "https://*.example.com | https://a@b.example.com | false",
        "https://*.example.com:8443 | https://api.example.com:8443 | true",
        "https://*.example.com:8443 | https://api.example.com | false",
        "https://*.example.com:* | https://api.example.com:1 | true",
        "http://localhost:* | http://localhost | true",
        "http://localhost:* | http://localhost:3000 | true",
        "http://localhost:* | http://localhost:65535 | true",
        "http://localhost:* | http://localhost:65536 | false",
        "http://localhost:* | http://localhost:03000 | false",
        "http://localhost:* | http://localhost: | false",
        "http://localhost:* | http://localhost:3000/ | false",
        "http://localhost:* | http://localhost.:3000 | false",
        "http://localhost:* | http://LOCALHOST:3000 | false",
        "http://localhost:* | http://localhost.attacker.example:3000 | false",
        "http://localhost:* | http://evil-localhost:3000 | false",
        "http://[::1]:* | http://[::1]:8080 | true",
        "http://[::1]:* | http://[::1] | true",
        "http://[::1]:* | http://[::2]:8080 | false",
        "http://[::1]:* | http://[::1]x:8080 | false",
        "http://[::1]:* | http://[::1 | false",
        "http://127.0.0.1:* | http://127.0.0.1:5500 | true",
        "http://127.0.0.1:* | http://127.0.0.10:5500 | false",
      })
  void nearMisses(String pattern, String origin, boolean expected) {
    assertThat(reference(pattern, origin)).as("reference").isEqualTo(expected);
    assertThat(OriginPattern.parse(pattern).matches(origin))
        .as("OriginPattern")
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://*.[::1]", "https://example.com", "https://*.example.com:0443"})
  void parse_refusesWhatIsNotAPattern(String source) {
    assertThatThrownBy(() -> OriginPattern.parse(source))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Regression: {@code https://*.127.0.0.1} was accepted, yet no browser ever sends a host such as
   * {@code a.127.0.0.1} (the URL standard parses a host ending in a number as an IPv4 address and
   * fails), so the pattern silently matched nothing.
   */
  @ParameterizedTest
  @ValueSource(strings = {"https://*.127.0.0.1", "http://*.10.0.0.1:*", "http://*.0.1:8080"})
  void parse_refusesASubdomainWildcardInFrontOfAnIpv4Address(String source) {
    assertThatThrownBy(() -> OriginPattern.parse(source))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("puts a subdomain wildcard in front of an IP address");
  }
}

package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestPathTest {
  RequestPathTest() {}

  @Test
  void requestPath() {
    assertEquals("/api/admin/users", RequestPath.normalize("/api/%61dmin;x//users"));
    assertEquals("/api/admin/users", RequestPath.normalize("/api/x/../admin/./users"));
    assertNull(RequestPath.normalize("/api%2Fadmin/users"));
  }

  static Stream<Arguments> normalised() {
    return Stream.of(
        Arguments.of("/", "/"),
        Arguments.of("", "/"),
        Arguments.of("/api/admin/users", "/api/admin/users"),
        Arguments.of("/api/%61dmin/users", "/api/admin/users"),
        Arguments.of("/api/adm%69n/users", "/api/admin/users"),
        Arguments.of("/api/ad%6Din", "/api/admin"),
        Arguments.of("/api/ad%6din", "/api/admin"),
        Arguments.of("/%61%70%69/%61%64%6D%69%6E", "/api/admin"),
        Arguments.of("/api/%41dmin", "/api/Admin"),
        Arguments.of("/api/admin/", "/api/admin/"),
        Arguments.of("/api/caf%C3%A9", "/api/caf\u00e9"),
        Arguments.of("/api/%F0%9F%98%80", "/api/\ud83d\ude00"),
        Arguments.of("/api/caf\u00e9", "/api/caf\u00e9"),
        Arguments.of("/api/a%20b", "/api/a b"),
        Arguments.of("/api/%2561dmin", "/api/%61dmin"),
        Arguments.of("/api/admin%3Bx/users", "/api/admin;x/users"),
        Arguments.of("/api/admin;x/users", "/api/admin/users"),
        Arguments.of("/api;x/admin/users", "/api/admin/users"),
        Arguments.of("/api/admin;/users", "/api/admin/users"),
        Arguments.of("/api/admin;jsessionid=1", "/api/admin"),
        Arguments.of("/api/admin;a=1;b=2/x", "/api/admin/x"),
        Arguments.of("/api/;x/admin", "/api/admin"),
        Arguments.of("/api//admin/users", "/api/admin/users"),
        Arguments.of("//api/admin", "/api/admin"),
        Arguments.of("/api/admin//", "/api/admin/"),
        Arguments.of("/api/./admin", "/api/admin"),
        Arguments.of("/api/x/../admin", "/api/admin"),
        Arguments.of("/api/admin/../public", "/api/public"),
        Arguments.of("/api/admin/.", "/api/admin/"),
        Arguments.of("/api/admin/..", "/api/"),
        Arguments.of("/..", null),
        Arguments.of("/.", "/"),
        Arguments.of("/api/%2e/admin", "/api/admin"),
        Arguments.of("/api/x/%2E%2E/admin", "/api/admin"),
        Arguments.of("/api/x/.%2e/admin", "/api/admin"),
        Arguments.of("/api/x/%2e./admin", "/api/admin"),
        Arguments.of("/api/x/..;y/admin", "/api/admin"),
        Arguments.of("/api/.hidden/..x/...", "/api/.hidden/..x/..."),
        Arguments.of("/a/b/c/../../d", "/a/d"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("normalised")
  void normalize_decodesRemovesParametersResolvesSegments(String raw, String expected) {
    assertThat(RequestPath.normalize(raw)).isEqualTo(expected);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("/api%2Fadmin/users", "encoded /"),
        Arguments.of("/api/admin%2fusers", "encoded /"),
        Arguments.of("/api/admin%5Cusers", "encoded \\"),
        Arguments.of("/api%5cadmin", "encoded \\"),
        Arguments.of("/api\\admin", "a \\"),
        Arguments.of("/api/admin%00/users", "NUL"),
        Arguments.of("/api/admin\u0000/users", "NUL"),
        Arguments.of("/api/%zz/admin", "invalid percent-encoding at index 5"),
        Arguments.of("/api/admin/%4", "invalid percent-encoding"),
        Arguments.of("/api/admin/%", "invalid percent-encoding"),
        Arguments.of("/api/%%30", "invalid percent-encoding"),
        Arguments.of("/api/%\u0663\u0663", "invalid percent-encoding"),
        Arguments.of("/api/%C0%AFadmin", "not UTF-8"),
        Arguments.of("/api/%C0%AE%C0%AE/admin", "not UTF-8"),
        Arguments.of("/api/%E0%80%AF", "not UTF-8"),
        Arguments.of("/api/caf%E9", "not UTF-8"),
        Arguments.of("/api/%ED%A0%80", "not UTF-8"),
        Arguments.of("/api/%F4%90%80%80", "not UTF-8"),
        Arguments.of("/api/%C3", "not UTF-8"),
        Arguments.of("/api/%C3x", "not UTF-8"),
        Arguments.of("/../api/admin", "above the root"),
        Arguments.of("/api/../../admin", "above the root"),
        Arguments.of("*", "does not start with /"),
        Arguments.of("api/admin", "does not start with /"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("refused")
  void normalize_ambiguousPath_isRefused_withTheReason(String raw, String reason) {
    assertThat(RequestPath.normalize(raw)).isNull();
    assertThat(RequestPath.whyRefused(raw)).contains(reason);
  }

  @Test
  void whyRefused_normalisablePath_isNull() {
    assertThat(RequestPath.whyRefused("/api/%61dmin;x")).isNull();
    assertThat(RequestPath.whyRefused("/api")).isNull();
  }

  @Test
  void normalize_null_isNull() {
    assertThat(RequestPath.normalize(null)).isNull();
  }

  @Test
  void normalizeRoutedAsReceived() {
    assertEquals("/api/new items", RequestPath.normalizeRoutedAsReceived("/api/new%20items"));
    assertNull(RequestPath.normalizeRoutedAsReceived("/api/%61dmin/users"));
    assertNull(RequestPath.normalizeRoutedAsReceived("/api/admin;x/users"));
  }

  static Stream<Arguments> routedAsReceived() {
    return Stream.of(
        Arguments.of("/api/admin/users", "/api/admin/users"),
        Arguments.of("/api/admin/", "/api/admin/"),
        Arguments.of("/api/caf%C3%A9", "/api/caf\u00e9"),
        Arguments.of("/api/caf%c3%a9/x", "/api/caf\u00e9/x"),
        Arguments.of("/api/a%20b%3Bc", "/api/a b;c"),
        Arguments.of("/api/100%25", "/api/100%"),
        Arguments.of("/api/%F0%9F%98%80", "/api/\ud83d\ude00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routedAsReceived")
  void normalizeRoutedAsReceived_pathEveryRouterReadsAlike_isTheNormalForm(
      String raw, String expected) {
    assertThat(RequestPath.normalizeRoutedAsReceived(raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("notRoutedAsReceived")
  void normalizeRoutedAsReceived_pathARawRouterReadsDifferently_isNull(String raw) {
    assertThat(RequestPath.normalize(raw)).as("the normal form alone accepts it").isNotNull();
    assertThat(RequestPath.normalizeRoutedAsReceived(raw)).isNull();
  }

  static Stream<String> notRoutedAsReceived() {
    return Stream.of(
        "/api/%61dmin/users",
        "/api/adm%49n",
        "/api/v%31",
        "/api/a%2Db",
        "/api/a%5Fb",
        "/api/a%7Eb",
        "/api/%2e%2e/admin",
        "/api/x/%2E/admin",
        "/api/admin;x/users",
        "/api/admin;%zz/users",
        "/api//admin",
        "/api/x/../admin",
        "/api/./admin",
        "/api/admin/.",
        "/api/caf%C3%A9;x",
        "/api/caf%C3%A9//x",
        "");
  }

  @Test
  void normalizeRoutedAsReceived_refusedOrNull_isNull() {
    assertThat(RequestPath.normalizeRoutedAsReceived(null)).isNull();
    assertThat(RequestPath.normalizeRoutedAsReceived("/api%2Fadmin")).isNull();
    assertThat(RequestPath.normalizeRoutedAsReceived("/api/%zz")).isNull();
    assertThat(RequestPath.normalizeRoutedAsReceived("/api/%C0%AF")).isNull();
  }

  @Test
  void normalizeRoutedAsReceived_normalPath_isReturnedAsItIs() {
    String path = "/api/admin/users";
    assertThat(RequestPath.normalizeRoutedAsReceived(path)).isSameAs(path);
  }

  @Test
  void encodesUnreserved_onlyEscapesOfLettersDigitsAndDashDotUnderscoreTilde() {
    assertThat(RequestPath.encodesUnreserved("/api/%61dmin")).isTrue();
    assertThat(RequestPath.encodesUnreserved("/api/%5A%30")).isTrue();
    assertThat(RequestPath.encodesUnreserved("/api/x%7e")).isTrue();
    assertThat(RequestPath.encodesUnreserved("/api/%2E")).isTrue();
    assertThat(RequestPath.encodesUnreserved("/api/caf%C3%A9%20%2F%25%3B")).isFalse();
    assertThat(RequestPath.encodesUnreserved("/api/%zz%6")).isFalse();
    assertThat(RequestPath.encodesUnreserved("/api/admin")).isFalse();
    assertThat(RequestPath.encodesUnreserved(null)).isFalse();
  }

  @Nested
  class Cost {
    Cost() {}

    @Test
    void normalPath_isReturnedAsItIs_withoutAllocating() {
      String path = "/api/admin/users/42/.well-known/a.b";
      assertThat(RequestPath.normalize(path)).isSameAs(path);
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      threads.setThreadAllocatedMemoryEnabled(true);
      long thread = Thread.currentThread().getId();
      for (int i = 0; i < 20_000; i++) {
        RequestPath.normalize(path);
      }
      long before = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < 10_000; i++) {
        RequestPath.normalize(path);
      }
      long perCall = (threads.getThreadAllocatedBytes(thread) - before) / 10_000;
      assertThat(perCall).as("bytes allocated per call").isZero();
    }

    @Test
    @Timeout(10)
    void hostilePath_manySegmentsAndParameters_isLinear() {
      // 256 KiB of ";/" pairs after one escape: each ';' is searched for once. Scanning to the end
      // of the path for every segment would be 2^34 steps, well past the timeout.
      String hostile = "/%61" + ";/".repeat(128 * 1024) + "x";
      assertThat(RequestPath.normalize(hostile)).isEqualTo("/a/x");
    }
  }
}

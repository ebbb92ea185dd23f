package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entries from outside the code (database rows) go through the checks of configured origins. */
class OriginListTest {
  /** The rows of the finding: each is risky with credentials, and strict mode must refuse it. */
  private static final List<String> RISKY =
      List.of("null", "/.*/", "https://*.com", "http://plain.example", "https://*.github.io");

  OriginListTest() {}

  @Test
  void javadocExample() {
    OriginList list =
        OriginList.check(
            List.of("https://app.example.com", "https://*.github.io", "*"), "origin", true, true);
    assertTrue(list.origins().allows("https://app.example.com"));
    assertFalse(list.origins().allows("https://attacker.github.io"));
    assertEquals(List.of("https://*.github.io", "*"), list.skipped());
    assertEquals(1, list.size());
  }

  @Test
  void builderJavadocExample() {
    OriginList.Builder builder = OriginList.builder("origin", true, false);
    builder.add("https://app.example.com").add("https://*.example.org");
    OriginList list = builder.build();
    assertTrue(list.origins().allows("https://admin.example.org"));
  }

  @Test
  void theBuilder_checksAsCheckDoes_entryByEntry() {
    List<String> rows = new ArrayList<>(RISKY);
    rows.add("https://app.example.com");
    rows.add("/broken(/");
    rows.add(null);
    OriginList.Builder builder = OriginList.builder("origin", true, false);
    rows.forEach(builder::add);
    OriginList streamed = builder.build();
    OriginList listed = OriginList.check(rows, "origin", true, false);
    assertThat(streamed.size()).isEqualTo(listed.size());
    assertThat(streamed.skipped()).isEqualTo(listed.skipped());
    assertThat(streamed.problems().toString()).isEqualTo(listed.problems().toString());
    assertThat(streamed.origins().toString()).isEqualTo(listed.origins().toString());
  }

  @Test
  void aSizedBuilder_keepsWhatAnUnsizedOneKeeps_moreOrFewerEntriesThanExpected() {
    for (int expected : new int[] {1, 3, 1000}) {
      OriginList.Builder builder = OriginList.builder("origin", true, false, expected);
      for (int i = 0; i < 10; i++) {
        builder.add("https://tenant" + i + ".example.com");
      }
      OriginList list = builder.build();
      assertThat(list.size()).isEqualTo(10);
      assertTrue(list.origins().allows("https://tenant9.example.com"));
      assertFalse(list.origins().allows("https://tenant10.example.com"));
    }
    assertThatThrownBy(() -> OriginList.builder("origin", true, false, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expectedEntries must be 0 or more, not -1");
  }

  /**
   * A checked list keeps only its compiled form, not the entries; options given that list check it
   * again from the compiled form, and find the same risks.
   */
  @Test
  void aCheckedList_givenToOptions_isCheckedAgainFromItsCompiledForm() {
    OriginList list =
        OriginList.check(
            List.of("https://app.example.com", "http://plain.example", "https://*.example.org"),
            "origin",
            false,
            false);
    CorsOptions options = CorsOptions.builder().origin(list.origins()).credentials(true).build();
    assertThat(options.toBuilder().problems())
        .extracting(CorsProblem::value)
        .containsExactly("\"http://plain.example\"");
  }

  @Test
  void strictWithCredentials_skipsEveryRiskyRow_andTheAttackerIsRefused() {
    List<String> rows = new ArrayList<>(RISKY);
    rows.add("https://app.example.com");
    OriginList list = OriginList.check(rows, "origin", true, true);
    assertThat(list.skipped()).isEqualTo(RISKY);
    assertThat(list.size()).isEqualTo(1);
    for (String origin :
        List.of(
            "https://attacker.example",
            "null",
            "https://attacker.com",
            "http://plain.example",
            "https://attacker.github.io")) {
      assertThat(list.origins().allows(origin)).as(origin).isFalse();
    }
    assertThat(list.origins().allows("https://app.example.com")).isTrue();
    assertThat(list.problems())
        .allSatisfy(p -> assertThat(p.severity()).isEqualTo(CorsProblem.Severity.ERROR))
        .extracting(CorsProblem::value)
        .containsAll(RISKY.stream().map(OriginListTest::rendered).toList());
  }

  @Test
  void notStrict_keepsRiskyRows_eachWithItsWarning() {
    OriginList list = OriginList.check(RISKY, "origin", true, false);
    assertThat(list.skipped()).isEmpty();
    assertThat(list.size()).isEqualTo(RISKY.size());
    assertThat(list.origins().allows("https://attacker.example")).isTrue(); // /.*/: Express parity
    assertThat(list.problems())
        .allSatisfy(p -> assertThat(p.severity()).isEqualTo(CorsProblem.Severity.WARNING))
        .extracting(CorsProblem::value)
        .containsAll(RISKY.stream().map(OriginListTest::rendered).toList());
  }

  @Test
  void invalidRows_areSkipped_evenWhenNotStrict() {
    List<String> rows = Arrays.asList("*", "/broken(/", "https://*.*.example.com", null, "ok");
    OriginList list = OriginList.check(rows, "origin", false, false);
    assertThat(list.skipped()).containsExactly("*", "/broken(/", "https://*.*.example.com", null);
    assertThat(list.size()).isEqualTo(1); // "ok" is kept, with the warning that it is no origin
    assertThat(Problems.errors(list.problems())).hasSize(4);
  }

  @Test
  void eachRow_hasTheProblemsOfTheSameEntryInAConfigFile() {
    List<String> rows =
        List.of(
            "null",
            "/.*/",
            "/example\\.com/",
            "/^https:\\/\\/api.example.com$/",
            "https://*.com",
            "http://plain.example",
            "https://*.github.io",
            "https://app.example.com/",
            "file://*.example",
            "*");
    for (String row : rows) {
      List<String> fromConfig =
          CorsConfig.read(Map.of("origin", List.of(row), "credentials", true)).problems().stream()
              .map(p -> p.reason() + " | " + p.fix())
              .toList();
      List<String> fromRows =
          OriginList.check(List.of(row), "origin", true, false).problems().stream()
              .map(p -> p.reason() + " | " + p.fix())
              .toList();
      assertThat(fromRows).as(row).isNotEmpty().isEqualTo(fromConfig);
    }
  }

  @Test
  void oneMalformedRowAmongMany_everyRowIsReadOnce() {
    int[] reads = new int[1000];
    List<String> rows =
        new AbstractList<>() {
          @Override
          public String get(int index) {
            reads[index]++;
            return index == 500 ? "/broken(/" : "https://o" + index + ".example.com";
          }

          @Override
          public int size() {
            return reads.length;
          }
        };
    OriginList list = OriginList.check(rows, "origin", false, false);
    assertThat(list.size()).isEqualTo(999);
    assertThat(list.skipped()).containsExactly("/broken(/");
    assertThat(Arrays.stream(reads).distinct().toArray()).containsExactly(1);
  }

  @Test
  void aMillionRows_describeThemselvesInFewWords() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add("https://o" + i + ".example.com");
    }
    String description = OriginList.check(rows, "origin", false, false).origins().toString();
    assertThat(description).startsWith("[\"https://o0.example.com\", ").endsWith(", ... 80 more]");
  }

  @Test
  void aSourceCheckingForLess_isRefusedByACredentialedStrictRoute_namingTheFix() {
    OriginList.Source lenient = source(false, false);
    CorsConfigException e =
        assertThrows(
            CorsConfigException.class,
            () -> CorsOptions.builder().origin(lenient).credentials(true).strict(true).build());
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).toString())
        .isEqualTo(
            "origin: \"lenient source\" checks its entries for a route without credentials and"
                + " strict, but these options have credentials and strict: its risky entries would"
                + " be trusted unchecked. Fix: build the source with the same options, e.g."
                + " credentials(true).strict(true)");
    CorsOptions.builder().origin(source(true, true)).credentials(true).strict(true).build();
    CorsOptions.builder().origin(lenient).build();
  }

  @Test
  void problemsEscapeControlCharacters_whereverTheTextCameFrom() {
    OriginList list =
        OriginList.check(
            List.of("https://*.ex\nWARNING: jcors: FORGED LINE"), "origin", false, false);
    assertThat(list.problems()).isNotEmpty();
    for (CorsProblem problem : list.problems()) {
      assertThat(problem.toString()).doesNotContain("\n").contains("\\u000a");
    }
    CorsProblem made =
        Problems.warning(CorsRule.S15, "a\rb", "\"x\u0085\"", "why\u2028", "fix\u001b[2J");
    assertThat(made.toString()).isEqualTo("a\\u000db: \"x\\u0085\" why\\u2028. Fix: fix\\u001b[2J");
  }

  @Test
  void corsProblemQuote() {
    String logged = CorsProblem.quote("https://*.ex\nWARNING: forged");
    assertEquals("\"https://*.ex\\u000aWARNING: forged\"", logged);
  }

  /** A row as problems name it: regexes as literals, strings in quotes. */
  private static String rendered(String row) {
    return row.startsWith("/") ? row : Problems.quote(row);
  }

  private static OriginList.Source source(boolean credentials, boolean strict) {
    return new FixedSource(
        Origins.none(), credentials, strict, credentials ? "checking source" : "lenient source");
  }
}

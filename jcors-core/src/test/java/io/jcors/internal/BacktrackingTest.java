package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The heuristic for catastrophic backtracking (S8), as a table: each regex, whether it is flagged,
 * and the repetition named; then searches with the JDK's engine on hostile origins, counted by
 * {@link RegexSearch}, show the flagged constructs slow and the unflagged ones cheap.
 */
class BacktrackingTest {
  BacktrackingTest() {}

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = ' ',
      quoteCharacter = '`',
      value = {
        // Nested repetitions over the same text.
        "^https://(a+)+\\.example\\.com$ (a+)+",
        "^https://(a*)*\\.example\\.com$ (a*)*",
        "^https://(a+)*\\.example\\.com$ (a+)*",
        "^https://(?:[a-z]+)+\\.example\\.com$ (?:[a-z]+)+",
        "^https://([a-z0-9]+-?)+\\.example\\.com$ ([a-z0-9]+-?)+",
        "^https://(a+a+)+\\.example\\.com$ (a+a+)+",
        "^https://(\\w+\\d*)+\\.example\\.com$ (\\w+\\d*)+",
        "^https://((ab)*)+\\.example\\.com$ ((ab)*)+",
        "^https://(a{1,5}){2,}\\.example\\.com$ (a{1,5}){2,}",
        "^https://(a|b+)+\\.example\\.com$ (a|b+)+",
        "^https://(.*)*$ (.*)*",
        "^https://(?=(a+)+x)\\w+$ (a+)+",
        // Overlapping alternatives under a repetition.
        "^https://(a|a)*\\.example\\.com$ (a|a)*",
        "^https://(\\w|\\d)+\\.example\\.com$ (\\w|\\d)+",
        "^https://(a|ab)+\\.example\\.com$ (a|ab)+",
        "^https://(?:[a-z]|[a-f0-9])+\\.example\\.com$ (?:[a-z]|[a-f0-9])+",
        "^https://(A|a)+\\.example\\.com$/i (A|a)+",
        // Three repetitions in a row over the same characters.
        "^https://.*\\..*\\..*\\.example\\.com$ .*\\..*\\..*",
        "^https://[a-z.]+\\.[a-z.]+\\.[a-z.]+$ [a-z.]+\\.[a-z.]+\\.[a-z.]+",
        "^https://\\w+\\w*\\d+x$ \\w+\\w*\\d+",
        // Not flagged: one way to split the text.
        "^https://([a-z0-9-]+\\.)*example\\.com$ ``",
        "^https://([a-z0-9]+(-[a-z0-9]+)*\\.)+example\\.com$ ``",
        "^https://(www\\.|api\\.)?example\\.com(:\\d+)?$ ``",
        "^https://.*\\.example\\.com$ ``",
        "^https://[a-z]+\\.example\\.com$ ``",
        "^https://(\\d{1,3}\\.){3}\\d{1,3}$ ``",
        "^https://(a|b)+\\.example\\.com$ ``",
        "^https://(\\.[a-z]+)+$ ``",
        "^https://(a+b)+\\.example\\.com$ ``",
        "^https://(?>a+)+\\.example\\.com$ ``",
        "^https://(a++)+\\.example\\.com$ ``",
        "^https://(a+)?\\.example\\.com$ ``",
        "^https://(a|b)\\.example\\.com$ ``",
        "^https://[(a+)+]\\.example\\.com$ ``",
        "^https://\\Q(a+)+\\E\\.example\\.com$ ``",
        "^https://app\\.example\\.com$ ``",
        "^https://.*\\..*\\.example\\.com$ ``",
        "^https://[a-z0-9-]+\\.[a-z0-9-]+\\.[a-z0-9-]+\\.example\\.com$ ``",
      })
  void flagsTheRepetitionsThatCanBacktrackCatastrophically(String literal, String repetition) {
    Pattern regex = compile(literal);
    List<Backtracking.Finding> findings = Backtracking.find(regex);
    if (repetition.isEmpty()) {
      assertThat(findings).as(literal).isEmpty();
    } else {
      assertThat(findings)
          .as(literal)
          .extracting(Backtracking.Finding::repetition)
          .contains(repetition);
    }
  }

  /**
   * Flagged nestings and rows are slow in this engine too: on a hostile 300-character origin one
   * search takes tens of thousands of steps or the whole budget, where an unflagged regex takes a
   * few per character. ({@code (a|a)*} is flagged for JavaScript engines; the JDK remembers its
   * failed positions.)
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "^https://(a+)+\\.example\\.com$ a",
        "^https://(a*)*\\.example\\.com$ a",
        "^https://([a-z0-9]+-?)+\\.example\\.com$ a",
        "^https://(a+a+)+\\.example\\.com$ a",
        "^https://.*\\..*\\..*\\.example\\.com$ a.",
      })
  void flagged_areSlowOnAHostileOrigin(String source, String unit) {
    Pattern regex = Pattern.compile(source);
    assertThat(Backtracking.find(regex)).isNotEmpty();
    String hostile = "https://" + unit.repeat(291 / unit.length()) + "!";
    RegexSearch.Budget budget = new RegexSearch.Budget(hostile);
    RegexSearch.find(regex, budget);
    assertThat(budget.spent()).isGreaterThan(50_000);
  }

  @Test
  void notFlagged_decideWithinABudget() {
    for (String source :
        List.of(
            "^https://([a-z0-9-]+\\.)*example\\.com$",
            "^https://([a-z0-9]+(-[a-z0-9]+)*\\.)+example\\.com$",
            "^https://(a+b)+\\.example\\.com$",
            "^https://(a++)+\\.example\\.com$")) {
      Pattern regex = Pattern.compile(source);
      assertThat(Backtracking.find(regex)).isEmpty();
      for (String host : List.of("a".repeat(60) + "!", "a-".repeat(30) + "!", "a.".repeat(30))) {
        RegexSearch.Budget budget = new RegexSearch.Budget("https://" + host);
        assertThat(RegexSearch.find(regex, budget))
            .as("%s on %s", source, host)
            .isNotEqualTo(RegexSearch.Result.EXHAUSTED);
        assertThat(budget.spent()).as("%s on %s", source, host).isLessThan(5_000);
      }
    }
  }

  @Test
  void aRepetitionOfARepetitionAlone_isRewrittenIntoOne() {
    assertThat(Backtracking.find(Pattern.compile("^https:\\/\\/(a+)+\\.example\\.com$")))
        .extracting(Backtracking.Finding::rewrite)
        .containsExactly("^https:\\/\\/a+\\.example\\.com$");
    assertThat(Backtracking.find(Pattern.compile("^https://(?:[a-z0-9-]*)+\\.example\\.com$")))
        .extracting(Backtracking.Finding::rewrite)
        .containsExactly("^https://[a-z0-9-]*\\.example\\.com$");
    assertThat(Backtracking.find(Pattern.compile("^https://(a+b?)+\\.x$")))
        .extracting(Backtracking.Finding::rewrite)
        .containsExactly((String) null);
  }

  private static Pattern compile(String literal) {
    int slash = literal.lastIndexOf('/');
    if (slash > 0 && literal.endsWith("/i")) {
      return Pattern.compile(literal.substring(0, slash), Pattern.CASE_INSENSITIVE);
    }
    return Pattern.compile(literal);
  }
}

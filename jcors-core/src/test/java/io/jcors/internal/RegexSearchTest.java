package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexSearchTest {
  /** Found by RegexChecksFuzzTest: the JDK compiles it, then throws on some inputs. */
  static final Pattern ENGINE_FAILS =
      JsRegex.compile(
          "/:\\/\\/[a&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&Q&&&&&&&&&&&&&&&&&&&&&&&&&&&&-z]+hio /");

  RegexSearchTest() {}

  @Test
  void oneBudgetIsSharedBySearches_andRunsOut() {
    Pattern slow = Pattern.compile("^https://(a+a+)+\\.example\\.com$");
    RegexSearch.Budget budget = new RegexSearch.Budget("https://" + "a".repeat(100) + "!");
    assertThat(RegexSearch.find(Pattern.compile("^x"), budget))
        .isEqualTo(RegexSearch.Result.NOT_FOUND);
    int afterOne = budget.spent();
    assertThat(afterOne).isGreaterThan(100); // the start positions are charged
    assertThat(RegexSearch.find(slow, budget)).isEqualTo(RegexSearch.Result.EXHAUSTED);
    assertThat(budget.exhausted()).isTrue();
    assertThat(budget.spent()).isEqualTo(RegexSearch.MAX_WORK);
    // Once spent, nothing more is searched, not even a regex that would match at once.
    assertThat(RegexSearch.find(Pattern.compile("https"), budget))
        .isEqualTo(RegexSearch.Result.EXHAUSTED);
  }

  /**
   * Regression: a regex on which the JDK's engine throws (here a NullPointerException inside
   * java.util.regex) made the request's decision throw. Such a search now finds nothing: the origin
   * is not let in by that regex, and the other entries of the list still count.
   */
  @Test
  void aRegexTheEngineFailsOn_matchesNothing_andTheListGoesOn() {
    assertThat(RegexSearch.find(ENGINE_FAILS, "https://attacker.example")).isFalse();
    OriginMatcher matcher =
        new OriginMatcher(
            Set.of(), List.of(), List.of(ENGINE_FAILS, Pattern.compile("^https://attacker\\.")));
    assertThat(matcher.matches("https://attacker.example")).isTrue();
    assertThat(RegexSearch.failure(ENGINE_FAILS, "https://attacker.example"))
        .isInstanceOf(NullPointerException.class);
    assertThat(RegexSearch.failure(ENGINE_FAILS, "null")).isNull();
  }
}

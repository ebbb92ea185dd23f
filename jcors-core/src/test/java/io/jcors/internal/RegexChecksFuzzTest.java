package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.regex.Pattern;

/**
 * Fuzz test of the build-time regex checks ({@link RegexTree}, {@link Backtracking}, {@link
 * AttackerOrigins}) on whatever regex a config file or a data-source row holds: they never throw,
 * every sample is a serialized origin the regex accepts, and every origin reported as getting in
 * does get in. The corpus is in {@code
 * src/test/resources/io/jcors/internal/RegexChecksFuzzTestInputs/checks/}.
 */
class RegexChecksFuzzTest {
  RegexChecksFuzzTest() {}

  @FuzzTest(maxDuration = "60s")
  void checks(byte[] data) {
    Pattern regex = FuzzInput.regex(data);
    if (regex == null) {
      return;
    }
    for (Backtracking.Finding finding : Backtracking.find(regex)) {
      assertThat(regex.pattern()).contains(finding.repetition());
    }
    for (String sample : AttackerOrigins.samples(regex)) {
      assertThat(OriginSyntax.whyNotSerialized(sample)).as(sample).isNull();
      assertThat(RegexSearch.find(regex, sample)).as("%s accepts %s", regex, sample).isTrue();
    }
    for (AttackerOrigins.Finding finding : AttackerOrigins.probe(regex, true)) {
      assertThat(RegexSearch.find(regex, finding.attacker())).isTrue();
      assertThat(RegexSearch.find(JsRegex.compile(finding.fix()), finding.attacker())).isFalse();
    }
  }
}

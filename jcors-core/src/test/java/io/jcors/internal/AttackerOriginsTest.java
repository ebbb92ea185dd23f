package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regexes probed with attacker origins derived from them (S4, S5, S10, S11): a table of regex (as a
 * config file writes it), credentials, and every finding as {@code KIND origin}. Each fix given
 * must accept the sample the finding was made from and refuse the origin that got in.
 */
class AttackerOriginsTest {
  AttackerOriginsTest() {}

  @ParameterizedTest(name = "{0} credentials={1}")
  @CsvSource(
      delimiter = ' ',
      quoteCharacter = '`',
      value = {
        // No label boundary in front of the domain.
        "/^https:\\/\\/[a-z0-9-]*example\\.com$/ false `PREFIX https://evilexample.com`",
        "/^https:\\/\\/[a-z0-9-]*example\\.co\\.uk$/ false `PREFIX https://evilexample.co.uk`",
        "/^https:\\/\\/.*example\\.com$/ false `PREFIX https://evilexample.com`",
        // Any suffix after the host.
        "/example\\.com[^\\/]*$/ false"
            + " `PREFIX https://evilexample.com,SUFFIX https://example.com.attacker.example`",
        "/^https:\\/\\/app\\.example\\.com\\S*$/ false"
            + " `SUFFIX https://app.example.com.attacker.example`",
        "/^https:\\/\\/example\\.com/ false `SUFFIX https://example.com.attacker.example`",
        "/^http:\\/\\/localhost/ false `SUFFIX http://localhost.attacker.example`",
        // Any top-level domain.
        "/^https:\\/\\/example\\.[a-z]+$/ false `OTHER_SUFFIX https://example.xyz`",
        "/^https:\\/\\/app\\.example\\.\\w{2,3}$/ false `OTHER_SUFFIX https://app.example.xyz`",
        // https? with credentials (S10); without credentials plain http is no finding.
        "/^https?:\\/\\/app\\.example\\.com$/ true `PLAIN_HTTP http://app.example.com`",
        "/^https?:\\/\\/app\\.example\\.com$/ false ``",
        "/^http:\\/\\/192\\.168\\.0\\.\\d+$/ true `PLAIN_HTTP http://192.168.0.1`",
        "/^https?:\\/\\/localhost(:\\d+)?$/ true ``",
        "/^http:\\/\\/127\\.0\\.0\\.1:\\d+$/ true ``",
        // Anyone's name under a public suffix, with credentials (S11).
        "/^https:\\/\\/[a-z0-9-]+\\.github\\.io$/ true `PUBLIC_SUFFIX https://attacker.github.io`",
        "/^https:\\/\\/[a-z0-9-]+\\.github\\.io$/ false ``",
        "/^https:\\/\\/[a-z]+\\.com$/ true `PUBLIC_SUFFIX https://attacker.com`",
        "/^https:\\/\\/[a-z]+\\.r2\\.dev$/ true `PUBLIC_SUFFIX https://attacker.r2.dev`",
        "/^https:\\/\\/\\w+\\.s3\\.us-east-1\\.amazonaws\\.com$/ true"
            + " `PUBLIC_SUFFIX https://attacker.s3.us-east-1.amazonaws.com`",
        // Each top-level alternative is probed.
        "/^https:\\/\\/app\\.example\\.com$|^https:\\/\\/[a-z]*example\\.org$/ false"
            + " `PREFIX https://evilexample.org`",
        // Sound regexes.
        "/^https:\\/\\/[a-z]+\\.example\\.com$/ true ``",
        "/^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/ true ``",
        "/^https:\\/\\/.*\\.example\\.com$/ true ``",
        "/^https:\\/\\/(app|admin)\\.example\\.com$/ true ``",
        "/^https:\\/\\/app\\.example\\.com(:\\d+)?$/ true ``",
        "/^https:\\/\\/[a-z]*app\\.example\\.com$/ true ``",
        "/^https:\\/\\/myapp\\.github\\.io$/ true ``",
        "/^HTTPS:\\/\\/APP\\.EXAMPLE\\.COM$/i true ``",
        "/^http:\\/\\/localhost:\\d+$/ true ``",
        // Matches any origin: reported once, as such, elsewhere (S1).
        "/.*/ true ``",
        "/^https:\\/\\// true ``",
      })
  void probesTheRegexWithAttackerOrigins(String literal, boolean credentials, String expected) {
    Pattern regex = JsRegex.compile(literal);
    List<AttackerOrigins.Finding> findings = AttackerOrigins.probe(regex, credentials);
    assertThat(findings)
        .extracting(f -> f.kind() + " " + f.attacker())
        .as(literal)
        .containsExactlyElementsOf(
            expected.isEmpty() ? List.of() : Arrays.asList(expected.split(",")));
    for (AttackerOrigins.Finding finding : findings) {
      Pattern fix = JsRegex.compile(finding.fix());
      assertThat(RegexSearch.find(fix, finding.attacker())).as(finding.fix()).isFalse();
      String kept =
          finding.kind() == AttackerOrigins.Kind.PLAIN_HTTP
              ? finding.sample().replaceFirst("^http:", "https:")
              : finding.kind() == AttackerOrigins.Kind.OTHER_SUFFIX
                  ? finding.sample().replaceFirst("\\.[a-z]+$", ".com") // a made-up TLD: com
                  : finding.sample();
      if (finding.kind() != AttackerOrigins.Kind.PUBLIC_SUFFIX) { // there the fix is an example
        assertThat(RegexSearch.find(fix, kept)).as(finding.fix()).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "/^https:\\/\\/(?:www\\.)?example\\.com$/ https://example.com",
        "/^https:\\/\\/.*\\.example\\.com$/ https://a.example.com",
        "/^https:\\/\\/[a-z0-9-]+\\.example\\.com(:\\d+)?$/ https://a.example.com",
        "/example\\.com$/ https://example.com",
        "/^https:\\/\\/a\\.example$|^http:\\/\\/localhost:\\d{4}$/ https://a.example,http://localhost:1111",
        "/^(https):\\/\\/\\1\\.example$/ ''",
      })
  void samples_areOriginsTheRegexAccepts(String literal, String expected) {
    List<String> samples = AttackerOrigins.samples(JsRegex.compile(literal));
    assertThat(samples)
        .containsExactlyElementsOf(
            expected.isEmpty() ? List.of() : Arrays.asList(expected.split(",")));
  }
}

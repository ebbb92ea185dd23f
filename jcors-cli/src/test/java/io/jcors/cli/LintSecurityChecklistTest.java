package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code jcors lint} on one config per misconfiguration class that a configuration can show (S1,
 * S3, S4, S5, S6, S7, S8, S10, S11, S15, S16, S20, S25; docs/security.md): a warning (exit 1) with
 * the option's place and the reason, and an error (exit 2) with {@code --strict} or {@code
 * "strict": true}. Lint places the core's findings; the classes themselves are tested in the core's
 * SecurityChecklistTest.
 */
public class LintSecurityChecklistTest {
  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public LintSecurityChecklistTest() {}

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "S1  | {\"origin\": true, \"credentials\": true}                        | (S1)",
        "S3  | {\"origin\": [\"null\"]}                                         | (S3)",
        "S3  | {\"origin\": [\"file://*.example\"]}                             | (S3)",
        "S6  | {\"origin\": \"/^https:\\\\/\\\\/api.example.com$/\"}            | (S6)",
        "S4  | {\"origin\": \"/^https:\\\\/\\\\/[a-z]*example\\\\.com$/\"}     | lets in https://evilexample.com",
        "S5  | {\"origin\": \"/^https:\\\\/\\\\/example\\\\.com\\\\S*$/\"}   | lets in https://example.com.attacker.example",
        "S8  | {\"origin\": \"/^https:\\\\/\\\\/(a+)+\\\\.example\\\\.com$/\"} | can backtrack catastrophically",
        "S7  | {\"origin\": \"/example\\\\.com/\"}                               | (S7)",
        "S10 | {\"origin\": [\"http://app.example.com\"], \"credentials\": true} | (S10)",
        "S11 | {\"origin\": [\"https://*.github.io\"], \"credentials\": true}    | (S11)",
        "S10 | {\"origin\": \"/^https?:\\\\/\\\\/a\\\\.example\\\\.com$/\", \"credentials\": true} | lets in http://a.example.com",
        "S10 | {\"origin\": [\"http://127.attacker.com\"], \"credentials\": true} | (S10)",
        "S11 | {\"origin\": [\"https://*.a.run.app\"], \"credentials\": true}   | (S11)",
        "S11 | {\"origin\": \"/^https:\\\\/\\\\/[a-z]+\\\\.r2\\\\.dev$/\", \"credentials\": true} | lets in https://attacker.r2.dev",
        "S15 | {\"origin\": [\"https://app.example.com/\"]}                      | trailing slash",
        "S16 | {\"origin\": [\"https://b\u00fccher.example\"]}                  | Punycode",
        "S20 | {\"exposedHeaders\": [\"Set-Cookie\"]}                            | S20)",
        "S25 | {\"maxAge\": 31536000}                                          | (S25)",
      })
  void checklistClass_isAWarning_andAnErrorInStrictMode(String rule, String json, String reason)
      throws Exception {
    LintRun lenient = LintRun.lint(dir, json);
    assertThat(lenient.exitCode()).as("%s: %s", rule, lenient.out()).isEqualTo(1);
    assertThat(lenient.out()).contains("warning").contains(reason);

    LintRun strict = LintRun.lint(dir, json, "--strict");
    assertThat(strict.exitCode()).isEqualTo(2);
    assertThat(strict.out()).contains("error").contains(reason);

    LintRun strictInFile = LintRun.lint(dir, json.replaceFirst("\\{", "{\"strict\": true, "));
    assertThat(strictInFile.exitCode()).isEqualTo(2);
    assertThat(strictInFile.out()).contains(reason);
  }
}

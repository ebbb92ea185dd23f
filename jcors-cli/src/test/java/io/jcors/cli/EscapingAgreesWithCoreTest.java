package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsProblem;
import io.jcors.check.PrintableText;
import org.junit.jupiter.api.Test;

/**
 * Two escaping rules with two jobs: the core escapes what could forge a line in a log (controls,
 * line and paragraph separators) when a problem is made, and jcors-check's {@link PrintableText}
 * escapes every character a terminal would act on, for what the command line prints. The command
 * line applies the second to the output of the first, so the second must escape at least what the
 * first does, and leave the first's escapes as they are.
 */
class EscapingAgreesWithCoreTest {
  EscapingAgreesWithCoreTest() {}

  @Test
  void everyCharTheCoreEscapes_isEscapedForTheTerminalToo() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (c == '"' || c == '\\') {
        continue; // quoting, not escaping: the core quotes, PrintableText does not
      }
      String s = String.valueOf(c);
      boolean coreEscapes = !CorsProblem.quote(s).equals("\"" + s + "\"");
      if (coreEscapes && !Character.isSurrogate(c)) {
        assertThat(PrintableText.escape(s)).as("U+%04X", (int) c).isNotEqualTo(s);
      }
    }
  }

  @Test
  void theCoresEscapes_passThePrintableTextUnchanged() {
    String quoted = CorsProblem.quote("a\u0085\u2028\u001b[2J\"\\");
    assertThat(PrintableText.escape(quoted)).isEqualTo(quoted);
  }
}

package io.jcors;

import io.jcors.internal.AttackerOrigins;
import io.jcors.internal.Backtracking;
import io.jcors.internal.JsRegex;
import io.jcors.internal.RegexSearch;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The risks of a regex origin, as warnings (refused in strict mode): what it lets in that any
 * website can send ({@code null}, S3; any origin with credentials, S1), how it is written (not
 * anchored, S7; an unescaped dot, S6), repetitions that can backtrack catastrophically (S8), and
 * the attacker origins derived from it that it accepts ({@link AttackerOrigins}: S4, S5, S10, S11).
 * Runs when options are built, never per request.
 */
final class RegexRisks {
  private RegexRisks() {}

  static void check(Pattern regex, String path, List<CorsProblem> problems, boolean credentials) {
    String value = Problems.render(regex);
    for (String probe : new String[] {"https://attacker.example", "https://app.example.com"}) {
      RuntimeException failure = RegexSearch.failure(regex, probe);
      if (failure != null) {
        problems.add(
            Problems.warning(
                CorsRule.S8,
                path,
                value,
                "makes the JDK's regex engine fail on Origin "
                    + probe
                    + " ("
                    + failure.getClass().getSimpleName()
                    + "), so it matches nothing there",
                "simplify the regex (character classes with && in particular)"));
        break;
      }
    }
    if (RegexSearch.find(regex, "null")) {
      problems.add(
          Problems.warning(
              CorsRule.S3,
              path,
              value,
              "matches the origin \"null\", which any website can send from a sandboxed iframe"
                  + " (S3)",
              "anchor the regex so that it matches only your origins"));
    }
    if (credentials && RegexSearch.find(regex, "https://attacker.example")) {
      problems.add(
          Problems.warning(
              CorsRule.S1,
              path,
              value,
              "matches any origin (it matched https://attacker.example) and credentials are"
                  + " allowed: any website can read your users' authenticated responses (S1)",
              "match only your origins: /^https:\\/\\/app\\.example\\.com$/"));
    }
    List<AttackerOrigins.Finding> attackers = AttackerOrigins.probe(regex, credentials);
    if (!JsRegex.isAnchored(regex)) {
      // The example is an origin that got in, when a probe found one; never a made-up one.
      String example = null;
      for (AttackerOrigins.Finding finding : attackers) {
        if (example == null
            && (finding.kind() == AttackerOrigins.Kind.PREFIX
                || finding.kind() == AttackerOrigins.Kind.SUFFIX)) {
          example = finding.attacker();
        }
      }
      problems.add(
          Problems.warning(
              CorsRule.S7,
              path,
              value,
              "is not anchored at both ends, so it also matches origins that merely contain a"
                  + " match"
                  + (example != null ? ", such as " + example : "")
                  + " (S7)",
              anchorFix(regex)));
    }
    if (JsRegex.hasUnescapedDot(regex)) {
      problems.add(
          Problems.warning(
              CorsRule.S6,
              path,
              value,
              "has an unescaped '.', which matches any character, so apiXexample.com matches"
                  + " api.example.com (S6)",
              "escape the dots: \\."));
    }
    for (Backtracking.Finding finding : Backtracking.find(regex)) {
      problems.add(
          Problems.warning(
              CorsRule.S8,
              path,
              value,
              "can backtrack catastrophically: the repetition "
                  + finding.repetition()
                  + " "
                  + finding.reason()
                  + "; a request whose Origin almost matches then spends its whole regex budget"
                  + " and is refused (S8)",
              finding.rewrite() != null
                  ? "write /" + finding.rewrite() + "/, which matches the same origins"
                  : "make each iteration unambiguous, ending it with a character the repetition"
                      + " inside cannot match, as in ([a-z0-9-]+\\.)*, and give alternatives"
                      + " different first characters"));
    }
    for (AttackerOrigins.Finding finding : attackers) {
      problems.add(
          Problems.warning(
              CorsRule.valueOf(finding.kind().rule()), path, value, reason(finding), fix(finding)));
    }
  }

  private static String reason(AttackerOrigins.Finding finding) {
    String attacker = finding.attacker();
    String from = " (made from " + finding.sample() + ", which it accepts)";
    String rule = " (" + finding.kind().rule() + ")";
    switch (finding.kind()) {
      case PREFIX:
        return "lets in "
            + attacker
            + from
            + ": nothing ends the host at a label boundary, so anyone's domain that ends the same"
            + " way gets in"
            + rule;
      case SUFFIX:
        return "lets in "
            + attacker
            + from
            + ": anything may follow the host, so anyone's domain that starts the same way gets in"
            + rule;
      case OTHER_SUFFIX:
        return "lets in "
            + attacker
            + from
            + ": any top-level domain is accepted, and anyone can register the same name under"
            + " another one"
            + rule;
      case PLAIN_HTTP:
        return "lets in "
            + attacker
            + ", plain http, and credentials are allowed: anyone on the network path can inject"
            + " script into that origin and read your users' authenticated responses"
            + rule;
      default:
        return "lets in "
            + attacker
            + from
            + " with credentials: anyone can register a name under the public suffix "
            + hostOf(attacker).substring(hostOf(attacker).indexOf('.') + 1)
            + rule;
    }
  }

  private static String fix(AttackerOrigins.Finding finding) {
    switch (finding.kind()) {
      case PREFIX:
        return "start the host at a label boundary: "
            + finding.fix()
            + " allows "
            + hostOf(finding.sample())
            + " and its subdomains";
      case SUFFIX:
        return "end the regex right after the whole host: " + finding.fix();
      case OTHER_SUFFIX:
        return "spell out the whole host, top-level domain included, e.g. " + finding.fix();
      case PLAIN_HTTP:
        return "allow only https: " + finding.fix();
      default:
        return "list your own names, e.g. " + finding.fix();
    }
  }

  /** The user's own regex anchored, where one can be built from it; an example else. */
  private static String anchorFix(Pattern regex) {
    Pattern anchored = JsRegex.anchored(regex);
    return "anchor it: "
        + (anchored != null ? JsRegex.literal(anchored) : "/^https:\\/\\/app\\.example\\.com$/");
  }

  private static String hostOf(String origin) {
    return io.jcors.internal.OriginSyntax.hostOf(origin);
  }
}

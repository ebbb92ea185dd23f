package io.jcors.cli;

import io.jcors.check.CheckException;
import io.jcors.check.CheckReport;
import io.jcors.check.CheckRequest;
import io.jcors.check.CorsCheck;
import io.jcors.check.PrintableText;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcors check URL --origin ORIGIN [--method M] [--header 'Name: value']... [--credentials]
 * [--json] [--timeout SECONDS]}: what a browser on ORIGIN decides for {@code fetch(URL, {method,
 * headers, credentials})}, by sending the requests it would send. The work is {@link CorsCheck}'s;
 * this command turns arguments into a {@link CheckRequest} and the outcome into an exit code.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Predict what a browser on ORIGIN decides for fetch(URL, {method, headers, credentials}):"
          + " sends the preflight (when a browser would) and the request to the live server, and"
          + " explains each check of the Fetch standard, the verdict and, when blocked, the fix"
          + " on the server.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:allowed: the page can read the response",
      "1:blocked: the browser refuses the page the response",
      "2:bad arguments, the server could not be reached, or the check did not finish within"
          + " --timeout"
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "The URL the page fetches (http:// or https://).")
  String url;

  @Option(
      names = "--origin",
      required = true,
      paramLabel = "ORIGIN",
      description = "The page's origin: scheme://host[:port].")
  String origin;

  @Option(
      names = "--method",
      defaultValue = "GET",
      paramLabel = "M",
      description = "The request method (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--header",
      paramLabel = "'Name: value'",
      description = "A request header the page sets; repeat for more.")
  List<String> headers = new ArrayList<>();

  @Option(names = "--credentials", description = "The page sends cookies (credentials: 'include').")
  boolean credentials;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description =
          "The time the whole check may take: every request, each wait for a response and the"
              + " reading of each body; fractions allowed (default: ${DEFAULT-VALUE}).")
  String timeout;

  /** The longest {@code --timeout}: a day. */
  private static final BigDecimal MAX_TIMEOUT_SECONDS = BigDecimal.valueOf(86_400);

  /** Needed by picocli. */
  CheckCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Duration limit = seconds(timeout);
    if (limit == null) {
      err.println(
          "jcors check: --timeout "
              + PrintableText.escape(timeout)
              + " is not a number of seconds above 0 and up to 86400; write for example"
              + " --timeout 30");
      return Main.ERRORS;
    }
    CheckReport report;
    try {
      CheckRequest.Builder request =
          CheckRequest.builder(url, origin).method(method).credentials(credentials);
      headers.forEach(request::headerLine);
      report = CorsCheck.create(limit).run(request.build());
    } catch (CheckException e) {
      String message = e.getMessage();
      if (e.kind() == CheckException.Kind.TIMEOUT) {
        message += "; allow more with --timeout SECONDS";
      }
      for (String line : message.split("\n")) {
        err.println("jcors check: " + PrintableText.escape(line));
      }
      return e.exitCode();
    }
    if (json) {
      out.println(report.toJson());
    } else {
      out.print(report.toText());
    }
    out.flush();
    return report.exitCode();
  }

  /** {@code 10}, {@code 2.5}: a positive number of seconds up to a day, or null. */
  private static Duration seconds(String text) {
    BigDecimal seconds;
    try {
      seconds = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
    if (seconds.signum() <= 0 || seconds.compareTo(MAX_TIMEOUT_SECONDS) > 0) {
      return null;
    }
    return Duration.ofMillis(
        seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValue());
  }
}

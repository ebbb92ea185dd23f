package io.jcors.cli;

import io.jcors.check.Browser;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcors check URL --origin ORIGIN [--method M] [--header 'Name: value']... [--credentials]
 * [--browser chromium|firefox|safari|all] [--json] [--timeout SECONDS]}: what a browser on ORIGIN
 * decides for {@code fetch(URL, {method, headers, credentials})}, by sending the requests it would
 * send, for each engine asked for. The work is {@link CorsCheck}'s; this command turns arguments
 * into a {@link CheckRequest} and the outcome into an exit code.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Predict what a browser on ORIGIN decides for fetch(URL, {method, headers, credentials}):"
          + " sends the preflight (when a browser would) and the request to the live server, and"
          + " explains each check of the Fetch standard, the verdict and, when blocked, the fix"
          + " on the server; for Chrome, Firefox and Safari, with a verdict for each where they"
          + " differ.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:allowed: the page can read the response (in every browser checked)",
      "1:blocked: a browser refuses the page the response (in at least one browser checked)",
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

  @Option(
      names = "--browser",
      defaultValue = "all",
      paramLabel = "ENGINE",
      description =
          "The browser engines to predict: chromium, firefox, safari, a list of them"
              + " (firefox,safari), or all (default: ${DEFAULT-VALUE}).")
  String browser;

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
    Set<Browser> browsers = browsers(browser);
    if (browsers == null) {
      err.println(
          "jcors check: --browser "
              + PrintableText.escape(browser)
              + " is not a browser engine; write chromium, firefox, safari, a list such as"
              + " firefox,safari, or all");
      return Main.ERRORS;
    }
    CheckReport report;
    try {
      CheckRequest.Builder request =
          CheckRequest.builder(url, origin).method(method).credentials(credentials);
      headers.forEach(request::headerLine);
      report = CorsCheck.create(limit).browsers(browsers).run(request.build());
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

  /** {@code all}, {@code firefox}, {@code firefox,safari}: the engines, or null. */
  private static Set<Browser> browsers(String text) {
    if (text.strip().equalsIgnoreCase("all")) {
      return Browser.all();
    }
    Set<Browser> browsers = EnumSet.noneOf(Browser.class);
    for (String name : text.split(",", -1)) {
      Optional<Browser> parsed = Browser.parse(name.strip());
      if (parsed.isEmpty()) {
        return null;
      }
      browsers.add(parsed.get());
    }
    return browsers;
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

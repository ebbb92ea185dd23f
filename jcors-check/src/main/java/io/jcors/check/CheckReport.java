package io.jcors.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What browsers decide for one {@code fetch()}, and why: for each engine (or each group of engines
 * that decide alike) an {@link Outcome} with the verdict, whether a preflight was sent, each
 * request and response with the checks applied to it, and when blocked, the failing check with its
 * fix.
 *
 * <pre>{@code
 * CheckReport report = CorsCheck.create().run(request);
 * System.out.print(report.toText());
 * int exitCode = report.exitCode(); // 0: the page can read it, 1: the browser blocks it
 * }</pre>
 *
 * <p>The accessors without a browser ({@link #preflight()}, {@link #steps()}, ...) describe the
 * main outcome: the first that blocks, else the first (Chrome's when it was checked).
 */
public final class CheckReport {
  private final CheckRequest request;
  private final Set<Browser> browsers;
  private final List<Outcome> outcomes;
  private final Map<Browser, PreflightCache> caches;
  private final Outcome main;

  CheckReport(
      CheckRequest request,
      Set<Browser> browsers,
      List<Outcome> outcomes,
      Map<Browser, PreflightCache> caches) {
    this.request = Objects.requireNonNull(request);
    this.browsers = EnumSet.copyOf(browsers);
    this.outcomes = List.copyOf(outcomes);
    this.caches = caches.isEmpty() ? Map.of() : new EnumMap<>(caches);
    Outcome first = this.outcomes.get(0);
    for (Outcome outcome : this.outcomes) {
      if (outcome.verdict() == Verdict.BLOCKED) {
        first = outcome;
        break;
      }
    }
    this.main = first;
  }

  /** The request that was checked. */
  public CheckRequest request() {
    return request;
  }

  /** The engines checked. */
  public Set<Browser> browsers() {
    return EnumSet.copyOf(browsers);
  }

  /** One outcome per group of engines that decide alike, in engine order. */
  public List<Outcome> outcomes() {
    return outcomes;
  }

  /**
   * The outcome for {@code browser}.
   *
   * @throws IllegalArgumentException when {@code browser} was not checked
   */
  public Outcome outcome(Browser browser) {
    for (Outcome outcome : outcomes) {
      if (outcome.browsers().contains(browser)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException(browser.displayName() + " was not checked");
  }

  /** Whether the page can read the response in {@code browser}. */
  public Verdict verdict(Browser browser) {
    return outcome(browser).verdict();
  }

  /** Whether the page can read the response in every engine checked (blocked if one blocks). */
  public Verdict verdict() {
    return main.verdict();
  }

  /**
   * How {@code browser} would cache the first preflight it sent; empty when it sent none or the
   * preflight failed.
   */
  public Optional<PreflightCache> preflightCache(Browser browser) {
    return Optional.ofNullable(caches.get(browser));
  }

  /** Whether a preflight was sent, and why (main outcome). */
  public Preflight preflight() {
    return main.preflight();
  }

  /** Every request sent, in order, with its response and checks (main outcome). */
  public List<Step> steps() {
    return main.steps();
  }

  /** The check that made the browser block the request; empty when allowed (main outcome). */
  public Optional<Check> failure() {
    return main.failure();
  }

  /**
   * The lower-case names of the response headers the page can read (F30, F31); empty when blocked
   * (main outcome).
   */
  public List<String> readableHeaders() {
    return main.readableHeaders();
  }

  /** The status of the last response received (main outcome). */
  public int status() {
    return main.status();
  }

  /** The exit status of {@code jcors check}: 0 when allowed in every engine, 1 when blocked. */
  public int exitCode() {
    return verdict().exitCode();
  }

  /**
   * The verdicts in one sentence: {@code allowed in Chrome, Firefox and Safari}, or {@code blocked
   * in Firefox and Safari, allowed in Chrome}.
   */
  public String summary() {
    Set<Browser> blocked = EnumSet.noneOf(Browser.class);
    Set<Browser> allowed = EnumSet.noneOf(Browser.class);
    for (Outcome outcome : outcomes) {
      (outcome.verdict() == Verdict.BLOCKED ? blocked : allowed).addAll(outcome.browsers());
    }
    List<String> parts = new ArrayList<>();
    if (!blocked.isEmpty()) {
      parts.add("blocked in " + Browser.names(blocked));
    }
    if (!allowed.isEmpty()) {
      parts.add("allowed in " + Browser.names(allowed));
    }
    return String.join(", ", parts);
  }

  /**
   * The report for people: each step with its checks, the verdict, and the fix when blocked; when
   * engines differ, one section per group of engines and the verdicts in one line ("blocked in
   * Firefox and Safari, allowed in Chrome"). What the server sent is shown with every character
   * that is not printable escaped ({@link PrintableText}), so each line of the report is one line,
   * and a header value cannot rewrite the terminal.
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("fetch(")
        .append(text(request.url()))
        .append(") from a page on ")
        .append(text(request.origin()))
        .append(": ")
        .append(text(Safelists.normalizeMethod(request.method())))
        .append(request.credentials() ? ", credentials: include" : ", without credentials")
        .append('\n');
    if (outcomes.size() == 1) {
      out.append("Browsers: ")
          .append(Browser.names(browsers))
          .append(browsers.size() > 1 ? ", which all decide alike" : "")
          .append('\n');
      outcome(out, outcomes.get(0), "Verdict");
      return out.toString();
    }
    out.append("Browsers: ").append(summary()).append('\n');
    for (Outcome outcome : outcomes) {
      String names = Browser.names(outcome.browsers());
      out.append("\n== ").append(names).append(" ==\n");
      outcome(out, outcome, "Verdict in " + names);
    }
    out.append("\nVerdict: ").append(summary()).append('\n');
    return out.toString();
  }

  private static void outcome(StringBuilder out, Outcome outcome, String verdictLabel) {
    Preflight preflight = outcome.preflight();
    out.append("Preflight: ")
        .append(preflight.sent() ? "sent" : "not sent")
        .append(" (")
        .append(text(preflight.reason()))
        .append(")\n");
    for (Check check : outcome.requestChecks()) {
      out.append("   ").append(label(check)).append(text(check.rule())).append(' ');
      out.append(text(check.explanation())).append('\n');
    }
    int number = 1;
    for (Step step : outcome.steps()) {
      out.append('\n')
          .append(number++)
          .append(". ")
          .append(step.kind() == Step.Kind.PREFLIGHT ? "Preflight" : "Request")
          .append('\n');
      SentRequest sent = step.request();
      out.append("   > ")
          .append(text(sent.method()))
          .append(' ')
          .append(text(sent.url()))
          .append('\n');
      for (Header header : sent.headers()) {
        out.append("   > ").append(text(header.toString())).append('\n');
      }
      ReceivedResponse response = step.response();
      out.append("   < ").append(response.status()).append('\n');
      for (Header header : response.headers()) {
        out.append("   < ").append(text(header.toString())).append('\n');
      }
      for (Check check : step.checks()) {
        out.append("   ")
            .append(label(check))
            .append(text(check.rule()))
            .append(' ')
            .append(text(check.explanation()))
            .append('\n');
      }
    }
    out.append('\n');
    if (outcome.verdict() == Verdict.ALLOWED) {
      out.append(verdictLabel)
          .append(": allowed (the page can read the response, status ")
          .append(outcome.status())
          .append(")\n");
    } else {
      Check failure = outcome.failure().orElseThrow();
      out.append(verdictLabel)
          .append(": blocked (")
          .append(text(failure.rule()))
          .append(": ")
          .append(text(failure.explanation()))
          .append(")\n");
      out.append("Fix: ").append(text(failure.fix())).append('\n');
    }
    for (Check check : warnings(outcome)) {
      out.append("Warning: ").append(text(check.fix())).append('\n');
    }
  }

  private static String label(Check check) {
    return check.warning() ? "[warn] " : check.passed() ? "[pass] " : "[FAIL] ";
  }

  private static List<Check> warnings(Outcome outcome) {
    List<Check> warnings = new ArrayList<>();
    for (Check check : outcome.requestChecks()) {
      if (check.warning()) {
        warnings.add(check);
      }
    }
    if (outcome.verdict() == Verdict.ALLOWED) {
      for (Step step : outcome.steps()) {
        for (Check check : step.checks()) {
          if (check.warning()) {
            warnings.add(check);
          }
        }
      }
    }
    return warnings;
  }

  private static String text(String value) {
    return PrintableText.escape(value);
  }

  /**
   * The report as one JSON object (characters that are not printable are JSON-escaped, see {@link
   * PrintableText}): {@code verdict} ({@code "allowed"} only when every engine checked allows),
   * {@code browsers} (the verdict per engine: {@code {"chromium": "allowed", "firefox": "blocked",
   * "safari": "blocked"}}), {@code outcomes} (one per group of engines that decide alike, each with
   * {@code browsers}, {@code verdict}, {@code preflight}, {@code requestChecks}, {@code steps},
   * {@code failure}, {@code readableHeaders} and {@code status}), {@code preflightCache} (per
   * engine that sent a passing preflight: {@code seconds} and {@code credentials}), and {@code
   * request} (what was checked). The main outcome's {@code preflight}, {@code steps}, {@code
   * failure} and {@code readableHeaders} are also at the top level.
   */
  public String toJson() {
    JsonWriter json = new JsonWriter().beginObject();
    json.name("verdict").value(verdict().json());
    json.name("browsers").beginObject();
    for (Browser browser : browsers) {
      json.name(browser.json()).value(verdict(browser).json());
    }
    json.endObject();
    outcomeFields(json, main);
    json.name("outcomes").beginArray();
    for (Outcome outcome : outcomes) {
      json.beginObject().name("browsers").beginArray();
      for (Browser browser : outcome.browsers()) {
        json.value(browser.json());
      }
      json.endArray();
      json.name("verdict").value(outcome.verdict().json());
      outcomeFields(json, outcome);
      json.name("status").value(outcome.status());
      json.endObject();
    }
    json.endArray();
    json.name("preflightCache").beginObject();
    for (Map.Entry<Browser, PreflightCache> entry : caches.entrySet()) {
      json.name(entry.getKey().json())
          .beginObject()
          .name("seconds")
          .value(entry.getValue().seconds())
          .name("credentials")
          .value(entry.getValue().credentials())
          .endObject();
    }
    json.endObject();
    json.name("request")
        .beginObject()
        .name("url")
        .value(request.url())
        .name("origin")
        .value(request.origin())
        .name("method")
        .value(request.method())
        .name("credentials")
        .value(request.credentials());
    headers(json, request.headers());
    json.endObject();
    return json.endObject().toString();
  }

  private static void outcomeFields(JsonWriter json, Outcome outcome) {
    Preflight preflight = outcome.preflight();
    json.name("preflight")
        .beginObject()
        .name("sent")
        .value(preflight.sent())
        .name("reason")
        .value(preflight.reason())
        .endObject();
    json.name("requestChecks");
    checks(json, outcome.requestChecks());
    json.name("steps").beginArray();
    for (Step step : outcome.steps()) {
      json.beginObject().name("kind").value(step.kind().json());
      SentRequest sent = step.request();
      json.name("request").beginObject().name("method").value(sent.method());
      json.name("url").value(sent.url());
      headers(json, sent.headers());
      json.endObject();
      json.name("response").beginObject().name("status").value(step.response().status());
      headers(json, step.response().headers());
      json.endObject();
      json.name("checks");
      checks(json, step.checks());
      json.name("result").value(step.passed() ? "pass" : "fail");
      json.endObject();
    }
    json.endArray();
    json.name("failure");
    Check failure = outcome.failure().orElse(null);
    if (failure == null) {
      json.nullValue();
    } else {
      json.beginObject()
          .name("rule")
          .value(failure.rule())
          .name("explanation")
          .value(failure.explanation())
          .name("fix")
          .value(failure.fix())
          .endObject();
    }
    json.name("readableHeaders").strings(outcome.readableHeaders());
  }

  private static void checks(JsonWriter json, List<Check> checks) {
    json.beginArray();
    for (Check check : checks) {
      json.beginObject()
          .name("rule")
          .value(check.rule())
          .name("check")
          .value(check.name())
          .name("result")
          .value(check.warning() ? "warn" : check.passed() ? "pass" : "fail")
          .name("explanation")
          .value(check.explanation());
      if (!check.fix().isEmpty()) {
        json.name("fix").value(check.fix());
      }
      json.endObject();
    }
    json.endArray();
  }

  private static void headers(JsonWriter json, List<Header> headers) {
    json.name("headers").beginArray();
    for (Header header : headers) {
      json.beginObject().name("name").value(header.name()).name("value").value(header.value());
      json.endObject();
    }
    json.endArray();
  }

  @Override
  public String toString() {
    return toText();
  }
}

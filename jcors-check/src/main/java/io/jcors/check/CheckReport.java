package io.jcors.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a browser decides for one {@code fetch()}, and why: the verdict, whether a preflight was
 * sent, each request and response with the checks applied to it, and when blocked, the failing
 * check with its fix.
 *
 * <pre>{@code
 * CheckReport report = CorsCheck.create().run(request);
 * System.out.print(report.toText());
 * int exitCode = report.exitCode(); // 0: the page can read it, 1: the browser blocks it
 * }</pre>
 */
public final class CheckReport {
  private final CheckRequest request;
  private final Verdict verdict;
  private final Preflight preflight;
  private final List<Step> steps;
  private final Check failure;
  private final List<String> readableHeaders;
  private final int status;

  CheckReport(
      CheckRequest request,
      Verdict verdict,
      Preflight preflight,
      List<Step> steps,
      Check failure,
      List<String> readableHeaders,
      int status) {
    this.request = Objects.requireNonNull(request);
    this.verdict = Objects.requireNonNull(verdict);
    this.preflight = Objects.requireNonNull(preflight);
    this.steps = List.copyOf(steps);
    this.failure = failure;
    this.readableHeaders = List.copyOf(readableHeaders);
    this.status = status;
  }

  /** The request that was checked. */
  public CheckRequest request() {
    return request;
  }

  /** Whether the page can read the response. */
  public Verdict verdict() {
    return verdict;
  }

  /** Whether a preflight was sent, and why. */
  public Preflight preflight() {
    return preflight;
  }

  /** Every request sent, in order, with its response and checks. */
  public List<Step> steps() {
    return steps;
  }

  /** The check that made the browser block the request; empty when allowed. */
  public Optional<Check> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The lower-case names of the response headers the page can read (F30, F31); empty when blocked.
   */
  public List<String> readableHeaders() {
    return readableHeaders;
  }

  /** The status of the last response received (the page sees it only when allowed). */
  public int status() {
    return status;
  }

  /** The exit status of {@code jcors check}: 0 when allowed, 1 when blocked. */
  public int exitCode() {
    return verdict.exitCode();
  }

  /**
   * The report for people: each step with its checks, the verdict, and the fix when blocked. What
   * the server sent is shown with every character that is not printable escaped ({@link
   * PrintableText}), so each line of the report is one line, and a header value cannot rewrite the
   * terminal.
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("fetch(")
        .append(text(request.url().toString()))
        .append(") from a page on ")
        .append(text(request.origin()))
        .append(": ")
        .append(text(Safelists.normalizeMethod(request.method())))
        .append(request.credentials() ? ", credentials: include" : ", without credentials")
        .append('\n');
    out.append("Preflight: ")
        .append(preflight.sent() ? "sent" : "not sent")
        .append(" (")
        .append(text(preflight.reason()))
        .append(")\n");
    int number = 1;
    for (Step step : steps) {
      out.append('\n')
          .append(number++)
          .append(". ")
          .append(step.kind() == Step.Kind.PREFLIGHT ? "Preflight" : "Request")
          .append('\n');
      SentRequest sent = step.request();
      out.append("   > ")
          .append(text(sent.method()))
          .append(' ')
          .append(text(sent.url().toString()))
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
            .append(check.warning() ? "[warn] " : check.passed() ? "[pass] " : "[FAIL] ")
            .append(text(check.rule()))
            .append(' ')
            .append(text(check.explanation()))
            .append('\n');
      }
    }
    out.append('\n');
    if (verdict == Verdict.ALLOWED) {
      out.append("Verdict: allowed (the page can read the response, status ")
          .append(status)
          .append(")\n");
      for (Step step : steps) {
        for (Check check : step.checks()) {
          if (check.warning()) {
            out.append("Warning: ").append(text(check.fix())).append('\n');
          }
        }
      }
    } else {
      out.append("Verdict: blocked (")
          .append(text(failure.rule()))
          .append(": ")
          .append(text(failure.explanation()))
          .append(")\n");
      out.append("Fix: ").append(text(failure.fix())).append('\n');
    }
    return out.toString();
  }

  private static String text(String value) {
    return PrintableText.escape(value);
  }

  /**
   * The report as one JSON object (characters that are not printable are JSON-escaped, see {@link
   * PrintableText}): {@code verdict} ({@code "allowed"} or {@code "blocked"}), {@code preflight}
   * ({@code {"sent": true|false, "reason": "..."}}), {@code steps} (each with its request,
   * response, checks and {@code result}), {@code failure} (rule, explanation, fix; null when
   * allowed), {@code readableHeaders}, and {@code request} (what was checked).
   */
  public String toJson() {
    JsonWriter json = new JsonWriter().beginObject();
    json.name("verdict").value(verdict.json());
    json.name("preflight")
        .beginObject()
        .name("sent")
        .value(preflight.sent())
        .name("reason")
        .value(preflight.reason())
        .endObject();
    json.name("steps").beginArray();
    for (Step step : steps) {
      json.beginObject().name("kind").value(step.kind().json());
      SentRequest sent = step.request();
      json.name("request")
          .beginObject()
          .name("method")
          .value(sent.method())
          .name("url")
          .value(sent.url().toString());
      headers(json, sent.headers());
      json.endObject();
      json.name("response").beginObject().name("status").value(step.response().status());
      headers(json, step.response().headers());
      json.endObject();
      json.name("checks").beginArray();
      for (Check check : step.checks()) {
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
      json.name("result").value(step.passed() ? "pass" : "fail");
      json.endObject();
    }
    json.endArray();
    json.name("failure");
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
    json.name("readableHeaders").strings(readableHeaders);
    json.name("request")
        .beginObject()
        .name("url")
        .value(request.url().toString())
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

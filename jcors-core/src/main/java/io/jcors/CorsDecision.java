package io.jcors;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What CORS decided for one request, as a value: the action (pass the request on, or answer it now
 * with a status), the headers to set, and the names to add to {@code Vary}. An adapter applies it
 * now, later, or again after a container resets the response; it is the same value each time.
 *
 * <pre>{@code
 * CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
 * CorsDecision decision = policy.decide(preflight).toCompletableFuture().join();
 * assertEquals(CorsDecision.Action.RESPOND, decision.action());
 * assertEquals(204, decision.status());
 * assertEquals("Access-Control-Allow-Origin", decision.headerName(0));
 * assertEquals("https://app.example.com", decision.headerValue(0, preflight));
 * assertEquals(List.of("Origin", "Access-Control-Request-Headers"), decision.varyNames());
 * }</pre>
 *
 * <p>A decision holds no per-request state of its own: for a policy without functions every
 * decision is computed when the policy is built. A header value the decision echoes from the
 * request (a reflected {@code Origin}, the requested headers of a preflight) is read from the
 * request when the header is read, which is why {@link #headerValue(int, CorsRequest)} and {@link
 * #writeTo(CorsRequest, CorsHeaders)} take the request the decision was made for.
 */
public final class CorsDecision {
  /** What the adapter does with the request. */
  public enum Action {
    /** Pass the request on to the application (Express's {@code next()}). */
    NEXT,
    /**
     * End the exchange now with {@link CorsDecision#status()}, {@code Content-Length: 0} and an
     * empty body: the answer to a preflight.
     */
    RESPOND
  }

  private static final String[] NO_NAMES = new String[0];
  private static final List<String> NO_VARY = List.of();

  /** No CORS: the request goes on untouched. */
  static final CorsDecision NONE =
      new CorsDecision(Action.NEXT, 0, NO_NAMES, NO_NAMES, NO_NAMES, NO_NAMES);

  private final Action action;
  private final int status;
  private final String[] names;

  /** The value of each header; null where it echoes the request header {@code echoes[i]}. */
  private final String[] values;

  private final String[] echoes;

  /** The {@code Vary} names, as an array for {@link #writeTo} and as the list callers read. */
  private final String[] varyArray;

  private final List<String> vary;

  /** The {@code Vary} names joined with {@code ", "}, the value sent when no other is there. */
  private final String varyValue;

  private volatile CompletableFuture<CorsDecision> completed;

  private CorsDecision(
      Action action, int status, String[] names, String[] values, String[] echoes, String[] vary) {
    this.action = action;
    this.status = status;
    this.names = names;
    this.values = values;
    this.echoes = echoes;
    this.varyArray = vary;
    this.vary = vary.length == 0 ? NO_VARY : List.of(vary);
    this.varyValue = vary.length == 0 ? null : String.join(", ", vary);
  }

  /** The next step. */
  public Action action() {
    return action;
  }

  /** The status to answer with for {@link Action#RESPOND}; 0 for {@link Action#NEXT}. */
  public int status() {
    return status;
  }

  /** How many headers the decision sets (besides {@code Vary}). */
  public int headerCount() {
    return names.length;
  }

  /** The name of header {@code i}, {@code 0 <= i < headerCount()}. */
  public String headerName(int i) {
    return names[i];
  }

  /**
   * The value of header {@code i} for {@code request}, the request this decision was made for: a
   * precomputed value, or the one the request sent when the header echoes it.
   */
  public String headerValue(int i, CorsRequest request) {
    String value = values[i];
    return value != null ? value : request.header(echoes[i]);
  }

  /** The names this decision adds to {@code Vary} (empty, {@code Origin}, …), immutable. */
  public List<String> varyNames() {
    return vary;
  }

  /** Whether the decision writes nothing: no header and no {@code Vary} name. */
  public boolean isEmpty() {
    return names.length == 0 && vary.isEmpty();
  }

  /**
   * Writes every header of the decision on {@code response} (replacing what is there, as Express
   * does) and merges its names into the {@code Vary} already there. {@code request} is the request
   * the decision was made for (the values it echoes are read from it).
   */
  public void writeTo(CorsRequest request, CorsHeaders response) {
    String[] names = this.names;
    String[] values = this.values;
    for (int i = 0; i < names.length; i++) {
      String value = values[i];
      response.set(names[i], value != null ? value : request.header(echoes[i]));
    }
    mergeVaryInto(response);
  }

  /**
   * Puts back on {@code response} what a reset or an error response removed: each header of the
   * decision it no longer has (one the application set itself stays), and the CORS names in {@code
   * Vary}. Idempotent: what {@link #writeTo} wrote is left as it is.
   */
  public void restoreOn(CorsRequest request, CorsHeaders response) {
    for (int i = 0; i < names.length; i++) {
      if (!response.has(names[i])) {
        response.set(names[i], headerValue(i, request));
      }
    }
    mergeVaryInto(response);
  }

  private void mergeVaryInto(CorsHeaders response) {
    if (varyArray.length != 0) {
      String existing = response.get("Vary");
      if (existing == null) {
        response.set("Vary", varyValue); // the usual case when CORS writes first
        return;
      }
      String merged = varyWith(existing);
      if (!merged.equals(existing)) { // most often it is there already: no write
        response.set("Vary", merged);
      }
    }
  }

  /**
   * The {@code Vary} value to send when the application sets {@code applicationVary} (one or more
   * names, every {@code Vary} line joined with {@code ", "}, or null for none): the application's
   * names with this decision's names merged in, so that the response still varies on what CORS
   * read; null when both are empty.
   *
   * <pre>{@code
   * // decision.varyNames() is [Origin]
   * assertEquals("Accept-Encoding, Origin", decision.varyWith("Accept-Encoding"));
   * assertEquals("Origin", decision.varyWith(null));
   * assertEquals("*", decision.varyWith("*"));
   * }</pre>
   */
  public String varyWith(String applicationVary) {
    // The application's value as it is: mergeVary reads its names, and appends only what is
    // missing, so the usual case (the names are there already) allocates nothing.
    if (applicationVary == null || applicationVary.isBlank()) {
      return varyValue; // built with the decision: nothing is joined per request
    }
    String merged = applicationVary;
    for (String name : varyArray) {
      merged = mergeVary(merged, name);
    }
    return merged;
  }

  /**
   * {@code existing} (a {@code Vary} value, possibly null or empty) with {@code name} appended
   * unless it is already there (ignoring case); {@code *} when {@code existing} lists {@code *},
   * which already varies on everything (as Express's {@code vary} package does).
   */
  static String mergeVary(String existing, String name) {
    if (existing == null || existing.isBlank()) {
      return name;
    }
    int i = 0;
    int n = existing.length();
    while (i < n) {
      while (i < n
          && (existing.charAt(i) == ','
              || existing.charAt(i) == ' '
              || existing.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      while (i < n && existing.charAt(i) != ',') {
        i++;
      }
      int end = i;
      while (end > start && (existing.charAt(end - 1) == ' ' || existing.charAt(end - 1) == '\t')) {
        end--;
      }
      int length = end - start;
      if (length == 1 && existing.charAt(start) == '*') {
        return "*";
      }
      if (length == name.length() && existing.regionMatches(true, start, name, 0, length)) {
        return existing;
      }
    }
    return existing + ", " + name;
  }

  /**
   * This decision as a completed stage, made on first use (ahead of time for static options, whose
   * decisions are shared by every request).
   */
  CompletableFuture<CorsDecision> completed() {
    CompletableFuture<CorsDecision> stage = completed;
    if (stage == null) {
      stage = CompletableFuture.completedFuture(this);
      completed = stage;
    }
    return stage;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(action == Action.RESPOND ? "RESPOND " + status : "NEXT");
    for (int i = 0; i < names.length; i++) {
      s.append(", ").append(names[i]).append(": ");
      s.append(values[i] != null ? values[i] : "(the request's " + echoes[i] + ")");
    }
    if (!vary.isEmpty()) {
      s.append(", Vary: ").append(String.join(", ", vary));
    }
    return s.toString();
  }

  /** Collects the headers of one decision while a policy is compiled. */
  static final class Builder {
    private String[] names = new String[8];
    private String[] values = new String[8];
    private String[] echoes = new String[8];
    private int size;
    private String[] vary = new String[2];
    private int varySize;

    /** Sets {@code name} to {@code value}. */
    Builder set(String name, String value) {
      return add(name, value, null);
    }

    /** Sets {@code name} to the value of the request header {@code requestHeader}. */
    Builder echo(String name, String requestHeader) {
      return add(name, null, requestHeader);
    }

    private Builder add(String name, String value, String requestHeader) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
        echoes = Arrays.copyOf(echoes, size * 2);
      }
      names[size] = name;
      values[size] = value;
      echoes[size] = requestHeader;
      size++;
      return this;
    }

    Builder vary(String name) {
      for (int i = 0; i < varySize; i++) {
        if (vary[i].equalsIgnoreCase(name)) {
          return this;
        }
      }
      if (varySize == vary.length) {
        vary = Arrays.copyOf(vary, varySize * 2);
      }
      vary[varySize++] = name;
      return this;
    }

    CorsDecision next() {
      return build(Action.NEXT, 0);
    }

    CorsDecision respond(int status) {
      return build(Action.RESPOND, status);
    }

    private CorsDecision build(Action action, int status) {
      if (action == Action.NEXT && size == 0 && varySize == 0) {
        return NONE;
      }
      return new CorsDecision(
          action,
          status,
          Arrays.copyOf(names, size),
          Arrays.copyOf(values, size),
          Arrays.copyOf(echoes, size),
          Arrays.copyOf(vary, varySize));
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CorsDecision)) {
      return false;
    }
    CorsDecision other = (CorsDecision) o;
    return action == other.action
        && status == other.status
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values)
        && Arrays.equals(echoes, other.echoes)
        && vary.equals(other.vary);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        action,
        status,
        Arrays.hashCode(names),
        Arrays.hashCode(values),
        Arrays.hashCode(echoes),
        vary);
  }
}

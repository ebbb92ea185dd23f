package io.jcors.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsHeaders;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.CorsRequest;
import io.jcors.Origins;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One policy shared by many connections of a real server (S24): every response carries its own
 * request's origin and nothing of another request's, and a {@link CorsPolicy#reloadable reloadable}
 * policy swapped under load loses no request and never mixes two policies in one response. Bounded:
 * 8 client threads, so at most 8 connections. The test gives the {@link Server} and stops it
 * afterwards.
 */
public final class ConcurrentLoad {
  private static final int CLIENT_THREADS = 8;
  private static final int REQUESTS_PER_THREAD = 300;
  private static final List<String> SET_A = origins("https://a%d.example.com", 200);
  private static final List<String> SET_B = origins("https://b%d.example.org", 200);
  private static final List<String> SHARED = origins("https://both%d.example.net", 20);

  /**
   * The response headers CORS sets: the six {@code Access-Control-*} headers a response can carry
   * (Fetch standard, section 3.2.3) and {@code Vary}, in this order. The load compares them between
   * a response and what the policy gives for its request; a test that compares a server's answer
   * with an expected one header by header can use the same list.
   */
  public static final List<String> CORS_HEADERS =
      List.of(
          "Access-Control-Allow-Origin",
          "Access-Control-Allow-Credentials",
          "Access-Control-Allow-Methods",
          "Access-Control-Allow-Headers",
          "Access-Control-Max-Age",
          "Access-Control-Expose-Headers",
          "Vary");

  /** Starts the server under test; the test stops it. */
  public interface Server {
    /**
     * Starts a server that runs {@code policy} in front of an application that answers 200 with the
     * body {@code "METHOD /path"}; returns its base address {@code http://127.0.0.1:port}.
     */
    String start(CorsPolicy policy) throws Exception;
  }

  private final Server server;
  private final HttpClient client = Requests.client();
  private String base;

  private ConcurrentLoad(Server server) {
    this.server = server;
  }

  /**
   * Many client threads, different allowed and refused origins, GETs and preflights: each response
   * carries only its own request's origin and requested headers.
   */
  public static void checkEachResponseCarriesOnlyItsOwnOrigin(Server server) throws Exception {
    new ConcurrentLoad(server).eachResponseCarriesOnlyItsOwnOrigin();
  }

  /**
   * A reloadable policy swapped between two policies under load: no request is lost, every response
   * is wholly one policy's, and after the last reload only that policy answers.
   */
  public static void checkReloadUnderLoad(Server server) throws Exception {
    new ConcurrentLoad(server).reloadUnderLoad();
  }

  private void eachResponseCarriesOnlyItsOwnOrigin() throws Exception {
    start(
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(Origins.of(SET_A))
                .credentials(true)
                .exposedHeaders("X-Total")
                .build()));
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger allowed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();

    runClients(
        thread -> {
          for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            Call call = call(thread, i, i % 4 == 3 ? refusedOrigin(thread, i) : originA(thread, i));
            boolean isAllowed = SET_A.contains(call.origin);
            (isAllowed ? allowed : refused).incrementAndGet();
            HttpResponse<String> response = send(call, failures);
            if (response == null) {
              continue;
            }
            List<String> problems = new ArrayList<>();
            expectStatusAndBody(call, response, problems);
            expect(
                problems,
                "Access-Control-Allow-Origin",
                header(response, "Access-Control-Allow-Origin"),
                isAllowed ? call.origin : null);
            expect(
                problems,
                "Access-Control-Allow-Credentials",
                header(response, "Access-Control-Allow-Credentials"),
                "true");
            expect(
                problems,
                "Vary",
                vary(response),
                call.preflight ? "Origin, Access-Control-Request-Headers" : "Origin");
            if (call.preflight) {
              expect(
                  problems,
                  "Access-Control-Allow-Headers",
                  header(response, "Access-Control-Allow-Headers"),
                  call.requestHeaders);
            } else {
              expect(
                  problems,
                  "Access-Control-Expose-Headers",
                  header(response, "Access-Control-Expose-Headers"),
                  "X-Total");
            }
            if (!problems.isEmpty()) {
              failures.add(call + ": " + problems);
            }
          }
        });

    assertThat(failures).isEmpty();
    assertThat(allowed.get() + refused.get()).isEqualTo(CLIENT_THREADS * REQUESTS_PER_THREAD);
    assertThat(refused.get()).isPositive();
  }

  private void reloadUnderLoad() throws Exception {
    CorsPolicy a =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(Origins.of(concat(SET_A, SHARED)))
                .methods("GET,PUT")
                .credentials(true)
                .exposedHeaders("X-Policy-A")
                .build());
    CorsPolicy b =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(Origins.of(concat(SET_B, SHARED)))
                .methods("GET,DELETE")
                .allowedHeaders("X-Policy-B")
                .maxAge(600)
                .exposedHeaders("X-Policy-B")
                .build());
    CorsPolicy.Reloadable reloadable = CorsPolicy.reloadable(a);
    start(reloadable.policy());
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger sawA = new AtomicInteger();
    AtomicInteger sawB = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger reloads = new AtomicInteger();
    Thread swapper =
        new Thread(
            () -> {
              while (!done.get()) {
                reloadable.reload(reloads.incrementAndGet() % 2 == 0 ? a : b);
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
              }
            },
            "policy-swapper");
    swapper.start();
    try {
      runClients(
          thread -> {
            for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
              Call call = call(thread, i, mixedOrigin(thread, i));
              HttpResponse<String> response = send(call, failures);
              if (response == null) {
                continue;
              }
              answered.incrementAndGet();
              List<String> problems = new ArrayList<>();
              expectStatusAndBody(call, response, problems);
              Map<String, String> actual = corsHeaders(response);
              boolean isA = actual.equals(call.expected(a));
              boolean isB = actual.equals(call.expected(b));
              if (isA) {
                sawA.incrementAndGet();
              } else if (isB) {
                sawB.incrementAndGet();
              } else {
                problems.add(
                    "headers "
                        + actual
                        + " are neither policy A's "
                        + call.expected(a)
                        + " nor policy B's "
                        + call.expected(b));
              }
              if (!problems.isEmpty()) {
                failures.add(call + ": " + problems);
              }
            }
          });
    } finally {
      done.set(true);
      swapper.join();
    }
    assertThat(failures).isEmpty();
    assertThat(answered.get()).isEqualTo(CLIENT_THREADS * REQUESTS_PER_THREAD);
    assertThat(reloads.get()).isGreaterThan(1);
    assertThat(sawA.get() + sawB.get()).isEqualTo(answered.get());
    assertThat(sawA.get()).as("responses from policy A").isPositive();
    assertThat(sawB.get()).as("responses from policy B").isPositive();

    reloadable.reload(b);
    for (int i = 0; i < 200; i++) {
      Call call = call(i % CLIENT_THREADS, i, mixedOrigin(i % CLIENT_THREADS, i));
      HttpResponse<String> response = send(call, failures);
      if (response != null && !corsHeaders(response).equals(call.expected(b))) {
        failures.add(
            "after the last reload "
                + call
                + " got "
                + corsHeaders(response)
                + " instead of policy B's "
                + call.expected(b));
      }
    }
    assertThat(failures).isEmpty();
  }

  private void start(CorsPolicy policy) throws Exception {
    base = server.start(policy);
  }

  // ---- the clients ----

  private interface Client {
    void run(int thread) throws Exception;
  }

  private static void runClients(Client client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < CLIENT_THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  client.run(thread);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Request {@code i} of client {@code thread}: even ones are GETs, odd ones preflights; the path
   * and the preflight's requested header name are unique to the request.
   */
  private static Call call(int thread, int i, String origin) {
    boolean preflight = i % 2 == 1;
    return new Call(
        preflight, "/r/" + thread + "/" + i, origin, preflight ? "x-t" + thread + "-" + i : null);
  }

  private HttpResponse<String> send(Call call, Queue<String> failures) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + call.path))
            .timeout(Duration.ofSeconds(30))
            .header("Origin", call.origin);
    if (call.preflight) {
      request
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
          .header("Access-Control-Request-Method", "PUT")
          .header("Access-Control-Request-Headers", call.requestHeaders);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      failures.add(call + ": no response: " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(call + ": interrupted");
      return null;
    }
  }

  private static void expectStatusAndBody(
      Call call, HttpResponse<String> response, List<String> problems) {
    if (call.preflight) {
      expect(problems, "status", Integer.toString(response.statusCode()), "204");
      expect(problems, "body", response.body(), "");
    } else {
      expect(problems, "status", Integer.toString(response.statusCode()), "200");
      expect(problems, "body", response.body(), "GET " + call.path);
    }
  }

  private static void expect(List<String> problems, String what, String actual, String expected) {
    if (expected == null ? actual != null : !expected.equals(actual)) {
      problems.add(what + " was " + actual + ", expected " + expected);
    }
  }

  // ---- origins ----

  private static List<String> origins(String format, int count) {
    List<String> origins = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      origins.add(String.format(Locale.ROOT, format, i));
    }
    return List.copyOf(origins);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** Threads walk the allowed origins from different starting points. */
  private static String originA(int thread, int i) {
    return SET_A.get((thread * 37 + i) % SET_A.size());
  }

  private static String refusedOrigin(int thread, int i) {
    return "https://t" + thread + "-" + i + ".refused.example";
  }

  /** Allowed by A only, by B only, by both, or by neither. */
  private static String mixedOrigin(int thread, int i) {
    switch ((i / 2) % 4) {
      case 0:
        return originA(thread, i);
      case 1:
        return SET_B.get((thread * 41 + i) % SET_B.size());
      case 2:
        return SHARED.get((thread + i) % SHARED.size());
      default:
        return refusedOrigin(thread, i);
    }
  }

  // ---- responses ----

  private static String header(HttpResponse<?> response, String name) {
    List<String> values = response.headers().allValues(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  /** All Vary lines as one list of names, whatever the server's line folding. */
  private static String vary(HttpResponse<?> response) {
    List<String> names = new java.util.ArrayList<>();
    for (String line : response.headers().allValues("Vary")) {
      for (String name : line.split(",", -1)) {
        String n = name.strip();
        if (!n.isEmpty() && names.stream().noneMatch(n::equalsIgnoreCase)) {
          names.add(n);
        }
      }
    }
    return names.contains("*") ? "*" : names.isEmpty() ? null : String.join(", ", names);
  }

  private static Map<String, String> corsHeaders(HttpResponse<?> response) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : CORS_HEADERS) {
      headers.put(name, name.equals("Vary") ? vary(response) : header(response, name));
    }
    return headers;
  }

  /** One request, and what a policy answers to it when asked alone. */
  private static final class Call implements CorsRequest {
    final boolean preflight;
    final String path;
    final String origin;
    final String requestHeaders;

    Call(boolean preflight, String path, String origin, String requestHeaders) {
      this.preflight = preflight;
      this.path = path;
      this.origin = origin;
      this.requestHeaders = requestHeaders;
    }

    @Override
    public String method() {
      return preflight ? "OPTIONS" : "GET";
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public String header(String name) {
      if (name.equalsIgnoreCase("Origin")) {
        return origin;
      }
      if (preflight && name.equalsIgnoreCase("Access-Control-Request-Method")) {
        return "PUT";
      }
      if (preflight && name.equalsIgnoreCase("Access-Control-Request-Headers")) {
        return requestHeaders;
      }
      return null;
    }

    Map<String, String> expected(CorsPolicy policy) {
      Map<String, String> headers = new LinkedHashMap<>();
      CORS_HEADERS.forEach(name -> headers.put(name, null));
      policy
          .decide(this)
          .toCompletableFuture()
          .join()
          .writeTo(
              this,
              new CorsHeaders() {
                @Override
                public String get(String name) {
                  return headers.get(canonical(name));
                }

                @Override
                public void set(String name, String value) {
                  headers.put(canonical(name), value);
                }
              });
      return headers;
    }

    private static String canonical(String name) {
      for (String known : CORS_HEADERS) {
        if (known.equalsIgnoreCase(name)) {
          return known;
        }
      }
      return name;
    }

    @Override
    public String toString() {
      return method() + " " + path + " Origin: " + origin;
    }
  }
}

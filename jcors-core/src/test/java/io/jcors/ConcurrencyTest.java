package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One policy shared by many threads (S24): no response carries another request's origin, and a
 * {@link CorsPolicy#reloadable(CorsPolicy) reloadable} policy swapped under load loses no request
 * and never mixes two policies in one response.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int REQUESTS = 20_000;

  ConcurrencyTest() {}

  @Test
  void manyThreads_differentOrigins_noCrossTalk() throws Exception {
    CorsPolicy policy =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(List.of("https://*.example.com", "https://fixed.example.org"))
                .credentials(true)
                .build());
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    run(
        thread -> {
          for (int i = 0; i < REQUESTS; i++) {
            boolean allowed = i % 3 != 0;
            String origin =
                allowed
                    ? "https://t" + thread + "-" + i + ".example.com"
                    : "https://t" + thread + "-" + i + ".example.net";
            TestResponse response = new TestResponse();
            TestOutcome.apply(
                policy,
                i % 2 == 0
                    ? TestRequest.get("/").origin(origin)
                    : TestRequest.preflight("/", origin, "PUT"),
                response);
            String acao = response.header("Access-Control-Allow-Origin");
            if (allowed ? !origin.equals(acao) : acao != null) {
              failures.add(origin + " got " + acao);
            }
          }
        });
    assertThat(failures).isEmpty();
  }

  @Test
  void reload_underLoad_losesNoRequest_andNeverMixesPolicies() throws Exception {
    CorsPolicy a =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(List.of("https://*.example.com"))
                .methods("GET,PUT")
                .build());
    CorsPolicy b =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(List.of("https://*.example.com", "https://*.example.net"))
                .methods("GET,DELETE")
                .maxAge(600)
                .build());
    CorsPolicy.Reloadable reloadable = CorsPolicy.reloadable(a);
    CorsPolicy policy = reloadable.policy();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger reloads = new AtomicInteger();
    Thread swapper =
        new Thread(
            () -> {
              while (!done.get()) {
                reloadable.reload(reloads.incrementAndGet() % 2 == 0 ? a : b);
              }
            });
    swapper.start();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger sawA = new AtomicInteger();
    AtomicInteger sawB = new AtomicInteger();
    try {
      run(
          thread -> {
            for (int i = 0; i < REQUESTS; i++) {
              String origin = "https://t" + thread + "-" + i + ".example.com";
              TestResponse response = new TestResponse();
              TestOutcome outcome =
                  TestOutcome.apply(policy, TestRequest.preflight("/", origin, "PUT"), response);
              if (outcome.action() == TestOutcome.Action.RESPOND) {
                answered.incrementAndGet();
              }
              String methods = response.header("Access-Control-Allow-Methods");
              String maxAge = response.header("Access-Control-Max-Age");
              boolean isA = "GET,PUT".equals(methods) && maxAge == null;
              boolean isB = "GET,DELETE".equals(methods) && "600".equals(maxAge);
              (isA ? sawA : sawB).incrementAndGet();
              if (!(isA || isB) || !origin.equals(response.header("Access-Control-Allow-Origin"))) {
                failures.add(origin + " got " + response);
              }
            }
          });
    } finally {
      done.set(true);
      swapper.join();
    }
    assertThat(failures).isEmpty();
    assertThat(answered.get()).isEqualTo(THREADS * REQUESTS);
    assertThat(reloads.get()).isGreaterThan(1);
  }

  @Test
  void reloadableExample_swapsThePolicy() {
    CorsPolicy.Reloadable reloadable =
        CorsPolicy.reloadable(
            CorsPolicy.of(
                CorsOptions.builder().origin(List.of("https://app.example.com")).build()));
    CorsPolicy policy = reloadable.policy(); // given to the adapter once
    reloadable.reload(
        CorsPolicy.of(CorsOptions.builder().origin(List.of("https://admin.example.com")).build()));

    TestResponse before = new TestResponse();
    TestOutcome.apply(policy, TestRequest.get("/").origin("https://app.example.com"), before);
    assertThat(before.header("Access-Control-Allow-Origin")).isNull();
    TestResponse after = new TestResponse();
    TestOutcome.apply(policy, TestRequest.get("/").origin("https://admin.example.com"), after);
    assertThat(after.header("Access-Control-Allow-Origin")).isEqualTo("https://admin.example.com");
    assertThat(reloadable.current()).isNotSameAs(policy);
  }

  interface Worker {
    void run(int thread) throws Exception;
  }

  private static void run(Worker worker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  worker.run(thread);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

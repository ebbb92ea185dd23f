package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcors.RequestPath;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first matching route of a list: a table of (routes, request path, chosen route), the
 * structure shown by counting the routes tried, a property test against {@link NaiveRoutes}, and
 * the routes that an earlier one hides.
 */
class RouteIndexTest {
  RouteIndexTest() {}

  private static RouteIndex index(String... routes) {
    List<PathPattern> patterns = new ArrayList<>();
    for (String route : routes) {
      patterns.add(PathPattern.compile(route));
    }
    return new RouteIndex(patterns);
  }

  @Test
  void javadocExample() {
    RouteIndex routes =
        new RouteIndex(
            List.of(
                PathPattern.compile("/products/:id"),
                PathPattern.compile("/api/admin/**"),
                PathPattern.compile("/api/**"),
                PathPattern.compile("/**")));
    assertEquals(0, routes.first("/products/42"));
    assertEquals(1, routes.first("/api/admin/users"));
    assertEquals(2, routes.first("/api/users"));
    assertEquals(3, routes.first("/products"));
  }

  /**
   * Routes separated by {@code ,}; the request path as received (normalised here as the adapters
   * do); the chosen route as written, or empty for none.
   */
  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the seeds' example: app.get('/products/:id', cors(corsOptions)), app.options('*', cors())
        "/products/:id,/**        | /products/42             | /products/:id",
        "/products/:id,/**        | /products/42/            | /products/:id",
        "/products/:id,/**        | /products                | /**",
        "/products/:id,/**        | /products/42/reviews     | /**",
        "/products/:id            | /products                | ",
        "/products/:id            | /Products/42             | ",
        // first match wins, whatever the specificity
        "/**,/products/:id        | /products/42             | /**",
        "/api/**,/api/admin/**    | /api/admin/users         | /api/**",
        "/api/admin/**,/api/**    | /api/admin/users         | /api/admin/**",
        "/api/admin/**,/api/**    | /api/administrators      | /api/**",
        "/api/*/items,/api/**     | /api/v1/items            | /api/*/items",
        "/api/**,/api/*/items     | /api/v1/items            | /api/**",
        "/a/:x/c,/a/b/:y          | /a/b/c                   | /a/:x/c",
        "/a/b/:y,/a/:x/c          | /a/b/c                   | /a/b/:y",
        "/a/:x/d,/a/b/c,/a/:y/c   | /a/b/c                   | /a/b/c",
        "/a/:x/d,/a/:y/c,/a/b/c   | /a/b/c                   | /a/:y/c",
        // globs and ** sit at the node their leading segments lead to
        "/files/*.json,/files/:f  | /files/a.json            | /files/*.json",
        "/files/*.json,/files/:f  | /files/a.xml             | /files/:f",
        "/**/health,/api/**       | /api/health              | /**/health",
        "/api/**,/**/health       | /api/health              | /api/**",
        "/api/**,/**/health       | /status/health           | /**/health",
        "/**/*.json,/data/:id     | /data/x.json             | /**/*.json",
        "/data/:id,/**/*.json     | /data/x.json             | /data/:id",
        "/                        | /                        | /",
        "/,/**                    | /x                       | /**",
        // the request path is normalised first, and an ambiguous one gets no route
        "/api/admin/**,/api/**    | /api/%61dmin/users       | /api/admin/**",
        "/api/admin/**,/api/**    | /api/x/../admin/users    | /api/admin/**",
        "/products/:id            | /products/42;v=1         | /products/:id",
        "/products/:id            | /products//42            | /products/:id",
        "/api/admin/**,/**        | /api%2Fadmin/users       | ",
        "/**                      | /api/%zz                 | ",
        "/files/*.json            | /files/caf%C3%A9.json    | /files/*.json",
      })
  void chosenRoute_table(String routes, String rawPath, String chosen) {
    String[] list = routes.split(",");
    int first = index(list).first(RequestPath.normalize(rawPath));
    assertThat(first < 0 ? null : list[first]).isEqualTo(chosen);
  }

  @Test
  void nullOrRelativePath_noRoute() {
    RouteIndex all = index("/**");
    assertThat(all.first(null)).isEqualTo(-1);
    assertThat(all.first("")).isEqualTo(-1);
    assertThat(all.first("api")).isEqualTo(-1);
    assertThat(index().first("/")).isEqualTo(-1);
  }

  @Nested
  class Structure {
    Structure() {}

    /** 1 000 services of a gateway, each with a few routes, then a catch-all. */
    private RouteIndex gateway(int services) {
      List<String> routes = new ArrayList<>();
      for (int i = 0; i < services; i++) {
        routes.add("/svc" + i + "/items/:id");
        routes.add("/svc" + i + "/files/*.json");
        routes.add("/svc" + i + "/admin/**");
      }
      routes.add("/**");
      return index(routes.toArray(new String[0]));
    }

    @Test
    void manyRoutes_aLookupTriesOnlyTheRoutesOfItsSegments() {
      RouteIndex routes = gateway(1000);
      assertThat(routes.size()).isEqualTo(3001);
      assertThat(routes.first("/svc500/items/7")).isEqualTo(1500);
      assertThat(routes.routesTried("/svc500/items/7")).isEqualTo(1);
      assertThat(routes.first("/svc999/files/a.json")).isEqualTo(2998);
      assertThat(routes.routesTried("/svc999/files/a.json")).isEqualTo(1);
      assertThat(routes.first("/svc999/admin/x/y")).isEqualTo(2999);
      assertThat(routes.routesTried("/svc999/admin/x/y")).isEqualTo(1);
      // No service route: the glob of the service is tried, then the catch-all.
      assertThat(routes.first("/svc999/files/a.xml")).isEqualTo(3000);
      assertThat(routes.routesTried("/svc999/files/a.xml")).isEqualTo(2);
      assertThat(routes.first("/nothing/here")).isEqualTo(3000);
      assertThat(routes.routesTried("/nothing/here")).isEqualTo(1);
    }

    @Test
    void sharedPrefixAndParameters_stillOneRouteTried() {
      List<String> list = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        list.add("/api/v1/:tenant/r" + i + "/:id");
      }
      RouteIndex routes = index(list.toArray(new String[0]));
      assertThat(routes.first("/api/v1/acme/r777/42")).isEqualTo(777);
      assertThat(routes.routesTried("/api/v1/acme/r777/42")).isEqualTo(1);
      assertThat(routes.first("/api/v1/acme/r1000/42")).isEqualTo(-1);
      assertThat(routes.routesTried("/api/v1/acme/r1000/42")).isZero();
    }

    /**
     * Service names with consecutive hashes ({@code svc0} to {@code svc332}, as in {@code
     * RouteBenchmark}) once filled runs of 20 slots, and {@code /unknown/...} read 21 slots: 3x the
     * time of 10 routes. Mixed, the longest run is 9.
     */
    @Test
    void consecutiveNames_anAbsentNameReadsAFewSlots() {
      RouteIndex routes = gateway(333);
      assertThat(routes.longestRootRun()).as("longest run of full slots").isLessThan(15);
      assertThat(routes.rootSlotsRead("unknown")).isLessThan(5);
      assertThat(routes.rootSlotsRead("svc166")).isLessThan(15);
    }

    @Test
    void aLookup_allocatesNothing() {
      RouteIndex routes = gateway(1000);
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      threads.setThreadAllocatedMemoryEnabled(true);
      String[] paths = {
        "/svc500/items/7", "/svc999/files/a.json", "/svc3/admin/x/y", "/nothing/here", "/"
      };
      long sum = 0;
      for (int i = 0; i < 20_000; i++) {
        sum += routes.first(paths[i % paths.length]);
      }
      long id = Thread.currentThread().getId();
      long before = threads.getThreadAllocatedBytes(id);
      for (int i = 0; i < 10_000; i++) {
        sum += routes.first(paths[i % paths.length]);
      }
      long after = threads.getThreadAllocatedBytes(id);
      assertThat(sum).isPositive();
      assertThat(after - before).as("bytes allocated by 10 000 lookups").isLessThan(256);
    }
  }

  @Nested
  class Properties {
    Properties() {}

    /** Seeded: a failure names its seed and repeats. */
    @Test
    void randomRoutesAndPaths_agreeWithTheReference() {
      for (long seed = 1; seed <= 300; seed++) {
        Random random = new Random(seed);
        List<List<NaiveRoutes.Token>> routes = new ArrayList<>();
        List<PathPattern> patterns = new ArrayList<>();
        for (int k = 1 + random.nextInt(25); k > 0; k--) {
          List<NaiveRoutes.Token> route = NaiveRoutes.route(random, 5);
          routes.add(route);
          patterns.add(PathPattern.compile(NaiveRoutes.source(route)));
        }
        RouteIndex index = new RouteIndex(patterns);
        for (int p = 0; p < 60; p++) {
          String path =
              p % 2 == 0
                  ? NaiveRoutes.path(random, 6)
                  : NaiveRoutes.pathOf(random, routes.get(random.nextInt(routes.size())));
          for (int r = 0; r < routes.size(); r++) {
            assertThat(patterns.get(r).matches(path))
                .as("seed %d: %s matches %s", seed, patterns.get(r), path)
                .isEqualTo(NaiveRoutes.matches(routes.get(r), path));
          }
          assertThat(index.first(path))
              .as("seed %d: first of %s for %s", seed, patterns, path)
              .isEqualTo(NaiveRoutes.first(routes, path));
        }
      }
    }

    /** Whenever a route is said to cover another, every path of the other matches it. */
    @Test
    void covers_isNeverWrong() {
      int covered = 0;
      for (long seed = 1; seed <= 3000; seed++) {
        Random random = new Random(seed);
        List<NaiveRoutes.Token> a = NaiveRoutes.route(random, 4);
        List<NaiveRoutes.Token> b = NaiveRoutes.route(random, 4);
        PathPattern first = PathPattern.compile(NaiveRoutes.source(a));
        PathPattern later = PathPattern.compile(NaiveRoutes.source(b));
        if (!first.covers(later)) {
          continue;
        }
        covered++;
        for (int p = 0; p < 40; p++) {
          String path = NaiveRoutes.pathOf(random, b);
          assertThat(NaiveRoutes.matches(a, path))
              .as("seed %d: %s covers %s, so it matches %s", seed, first, later, path)
              .isTrue();
        }
      }
      assertThat(covered).as("pairs where one covers the other").isGreaterThan(100);
    }

    /** A hostile route list and path: many ** routes, a long path that almost matches them. */
    @Test
    void hostileRoutesAndPath_agreeWithFirstMatchInOrder() {
      List<PathPattern> patterns = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        patterns.add(PathPattern.compile("/**/a/**/a/**/a" + i + "/**/b"));
      }
      RouteIndex index = new RouteIndex(patterns);
      String path = "/a".repeat(2000) + "/a199/b";
      assertThat(index.first(path)).isEqualTo(199);
      assertThat(index.first("/a".repeat(2000) + "/c")).isEqualTo(-1);
    }
  }

  @Nested
  class Shadowing {
    Shadowing() {}

    private List<String> shadowed(String... routes) {
      RouteIndex index = index(routes);
      List<String> found = new ArrayList<>();
      for (RouteIndex.Shadow s : index.shadowed()) {
        found.add(routes[s.route()] + " by " + routes[s.coveredBy()]);
      }
      return found;
    }

    @Test
    void catchAllFirst_hidesEveryLaterRoute() {
      assertThat(shadowed("/**", "/products/:id", "/api/**"))
          .containsExactly("/products/:id by /**", "/api/** by /**");
    }

    @Test
    void parameterBeforeText_hidesIt_notTheOtherWayRound() {
      assertThat(shadowed("/products/:id", "/products/new"))
          .containsExactly("/products/new by /products/:id");
      assertThat(shadowed("/products/new", "/products/:id")).isEmpty();
    }

    @Test
    void sameRouteTwice_orWithATrailingSlash_isHidden() {
      assertThat(shadowed("/a/{id}", "/a/:id")).containsExactly("/a/:id by /a/{id}");
      assertThat(shadowed("/a", "/a/")).containsExactly("/a/ by /a");
    }

    @Test
    void namesTheFirstRouteThatCovers() {
      assertThat(shadowed("/api/**", "/**", "/api/users")).containsExactly("/api/users by /api/**");
    }

    @Test
    void globs_andDoubleStarsInside() {
      assertThat(shadowed("/files/*.json", "/files/report.json", "/files/*.xml"))
          .containsExactly("/files/report.json by /files/*.json");
      assertThat(shadowed("/**/health", "/api/v1/health", "/api/health/x"))
          .containsExactly("/api/v1/health by /**/health");
    }

    @Test
    void overlapsThatLeaveAPath_areNotReported() {
      assertThat(shadowed("/api/*/items", "/api/**")).isEmpty();
      assertThat(shadowed("/files/*.json", "/files/:name")).isEmpty();
      assertThat(shadowed("/a/:x/c", "/a/b/:y")).isEmpty();
      assertThat(shadowed("/**/a", "/b/**")).isEmpty();
    }

    @Test
    void shadowed_matchesWhatTheIndexChooses() {
      // A hidden route is never chosen for any of its own paths.
      String[] routes = {"/api/**", "/api/:v/users", "/products/:id", "/products/*", "/**"};
      RouteIndex index = index(routes);
      assertThat(index.shadowed()).extracting(RouteIndex.Shadow::route).containsExactly(1, 3);
      for (String path : Arrays.asList("/api/v1/users", "/products/7")) {
        assertThat(index.first(path)).isIn(0, 2);
      }
    }
  }
}

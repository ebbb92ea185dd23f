package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The one contract of keeping CORS headers that every adapter relies on: written once, merged into
 * the application's {@code Vary}, put back after a reset or an error response.
 */
class CorsHeadersTest {
  CorsHeadersTest() {}

  private static final TestRequest request =
      TestRequest.get("/data").origin("https://app.example.com");

  private static CorsDecision decision(CorsOptions options, CorsRequest request) {
    return CorsPolicy.of(options).decide(request).toCompletableFuture().join();
  }

  private static final CorsDecision decision =
      decision(
          CorsOptions.builder().origin(Origins.of("https://app.example.com")).build(), request);

  /** The example of {@link CorsHeaders}'s Javadoc, verbatim. */
  @Test
  void corsHeaders_javadocExample() {
    CorsRequest request = CorsHeadersTest.request;
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    CorsHeaders response =
        new CorsHeaders() {
          public String get(String name) {
            return map.get(name);
          }

          public void set(String name, String value) {
            map.put(name, value);
          }
        };
    decision.writeTo(request, response); // when the decision is applied
    response.set("Vary", decision.varyWith("Accept-Encoding")); // the application sets Vary
    map.clear(); // the container resets the response
    decision.restoreOn(request, response); // before it commits
    assertEquals("https://app.example.com", response.get("Access-Control-Allow-Origin"));
    assertEquals("Origin", response.get("Vary"));
  }

  @Test
  void has_byDefault_isWhetherGetFindsAValue() { // the example of has's Javadoc
    TestResponse response = new TestResponse();
    decision.writeTo(request, response);
    assertTrue(response.has("Access-Control-Allow-Origin"));
    assertTrue(response.has("access-control-allow-origin"));
    assertFalse(response.has("Access-Control-Allow-Credentials"));
  }

  @Test
  void names() { // the example of NAMES's Javadoc
    assertEquals(11, CorsHeaders.NAMES.size());
    assertEquals("Origin", CorsHeaders.NAMES.get(CorsHeaders.indexOf("Origin")));
  }

  @Test
  void indexOf() { // the example of indexOf's Javadoc
    assertEquals(3, CorsHeaders.indexOf("Access-Control-Allow-Origin"));
    assertEquals(-1, CorsHeaders.indexOf("access-control-allow-origin"));
    assertEquals(-1, CorsHeaders.indexOf("Accept"));
  }

  @Test
  void indexOf_ofEachName_isItsPlaceInNames() {
    for (int i = 0; i < CorsHeaders.NAMES.size(); i++) {
      assertEquals(i, CorsHeaders.indexOf(CorsHeaders.NAMES.get(i)), CorsHeaders.NAMES.get(i));
    }
  }

  @Test
  void names_holdEveryNameADecisionWritesOrReads() {
    CorsOptions every =
        CorsOptions.builder()
            .origin(Origins.of("https://app.example.com", "https://b.example"))
            .credentials(true)
            .exposedHeaders("X-Total")
            .maxAge(600)
            .build();
    TestRequest preflight = TestRequest.preflight("/data", "https://app.example.com", "PUT");
    preflight.header("Access-Control-Request-Headers", "X-Token");
    for (CorsRequest asked : new CorsRequest[] {request, preflight}) {
      CorsDecision decided = decision(every, asked);
      for (int i = 0; i < decided.headerCount(); i++) {
        assertThat(CorsHeaders.NAMES).contains(decided.headerName(i));
      }
      assertThat(CorsHeaders.NAMES).containsAll(decided.varyNames());
    }
    assertThat(CorsHeaders.NAMES)
        .contains(
            "Origin",
            "Access-Control-Request-Method",
            "Access-Control-Request-Headers",
            "Vary",
            "Content-Length");
  }

  @Test
  void restoreOn_asksHas_andPutsBackOnlyWhatItDenies() {
    TestResponse response = new TestResponse();
    decision.writeTo(request, response);
    response.set("Access-Control-Allow-Origin", "https://kept.example");
    CorsHeaders denying =
        new CorsHeaders() {
          public String get(String name) {
            return response.get(name);
          }

          public void set(String name, String value) {
            response.set(name, value);
          }

          @Override
          public boolean has(String name) {
            return false; // an adapter's own answer is the one restoreOn follows
          }
        };
    decision.restoreOn(request, denying);
    assertEquals("https://app.example.com", response.get("Access-Control-Allow-Origin"));
  }

  @Test
  void corsHeaders() {
    TestResponse response = new TestResponse();
    decision.writeTo(request, response); // when the decision is applied
    response.set("Vary", decision.varyWith("Accept-Encoding")); // the application sets Vary
    response.clear(); // the container resets the response
    decision.restoreOn(request, response); // before it commits
    assertEquals("https://app.example.com", response.get("Access-Control-Allow-Origin"));
    assertEquals("Origin", response.get("Vary"));
  }

  @Nested
  class WriteTo {
    @Test
    void writeTo_mergesIntoTheVaryAlreadyThere() {
      TestResponse response = new TestResponse();
      response.set("Vary", "Accept-Encoding");
      decision.writeTo(request, response);
      assertThat(response.headers())
          .containsEntry("Vary", "Accept-Encoding, Origin")
          .containsEntry("Access-Control-Allow-Origin", "https://app.example.com");
    }

    @Test
    void writeTo_replacesAValueTheApplicationSetBefore() {
      TestResponse response = new TestResponse();
      response.set("Access-Control-Allow-Origin", "*");
      decision.writeTo(request, response);
      assertThat(response.get("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    }

    @Test
    void writeTo_echoedOrigin_isTheRequestsOwn() {
      TestRequest other = TestRequest.get("/").origin("https://b.example");
      CorsDecision reflected =
          decision(
              CorsOptions.builder()
                  .origin(Origins.of("https://a.example", "https://b.example"))
                  .build(),
              other);
      TestResponse response = new TestResponse();
      reflected.writeTo(other, response);
      assertThat(response.get("Access-Control-Allow-Origin")).isEqualTo("https://b.example");
    }
  }

  @Nested
  class Restore {
    @Test
    void restore_afterReset_givesTheSameHeadersAsWriteTo() {
      TestResponse written = new TestResponse();
      decision.writeTo(request, written);
      TestResponse reset = new TestResponse();
      decision.restoreOn(request, reset);
      assertThat(reset.headers()).isEqualTo(written.headers());
    }

    @Test
    void restore_keepsAHeaderTheApplicationSet_andMergesVary() {
      TestResponse response = new TestResponse();
      response.set("Access-Control-Allow-Origin", "https://other.example");
      response.set("Vary", "Accept");
      decision.restoreOn(request, response);
      assertThat(response.headers())
          .containsEntry("Access-Control-Allow-Origin", "https://other.example")
          .containsEntry("Vary", "Accept, Origin");
    }

    @Test
    void restore_twice_changesNothing() {
      TestResponse response = new TestResponse();
      decision.restoreOn(request, response);
      Map<String, String> once = new TreeMap<>(response.headers());
      decision.restoreOn(request, response);
      assertThat(response.headers()).isEqualTo(once);
    }
  }

  @Nested
  class Vary {
    @Test
    void vary_applicationList_keepsItsNamesAndAddsCors() {
      CorsDecision kept = decision;
      assertThat(kept.varyWith("Accept-Encoding, Accept-Language"))
          .isEqualTo("Accept-Encoding, Accept-Language, Origin");
      assertThat(kept.varyWith("ORIGIN")).isEqualTo("ORIGIN");
      assertThat(kept.varyWith("*")).isEqualTo("*");
      assertThat(kept.varyWith(null)).isEqualTo("Origin");
    }

    @Test
    void isEmpty_withoutCors_writesNothing() {
      CorsDecision none = CorsPolicy.disabled().decide(request).toCompletableFuture().join();
      assertThat(none.isEmpty()).isTrue();
      TestResponse response = new TestResponse();
      none.writeTo(request, response);
      none.restoreOn(request, response);
      assertThat(response.headers()).isEmpty();
    }
  }
}

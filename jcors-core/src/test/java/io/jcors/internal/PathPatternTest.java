package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The route path syntax: what each form matches, and the error for each malformed path. */
class PathPatternTest {
  PathPatternTest() {}

  private static boolean matches(String route, String path) {
    return PathPattern.compile(route).matches(path);
  }

  @Test
  void javadocExample() {
    PathPattern products = PathPattern.compile("/products/:id");
    assertTrue(products.matches("/products/42"));
    assertTrue(products.matches("/products/42/")); // a trailing / is the same route
    assertFalse(products.matches("/products"));
    assertFalse(products.matches("/products/42/reviews"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // exact paths, case-sensitive, whole segments, a trailing / the same route
        "/products        | /products          | true",
        "/products        | /products/         | true",
        "/products/       | /products          | true",
        "/products        | /Products          | false",
        "/products        | /products2         | false",
        "/products        | /product           | false",
        "/products        | /products/42       | false",
        "/                | /                  | true",
        "/                | /a                 | false",
        "/api/v1/users    | /api/v1/users      | true",
        "/caf\u00e9       | /caf\u00e9         | true",
        "/a b             | /a b               | true",
        // :name and {name}: one non-empty segment
        "/products/:id    | /products/42       | true",
        "/products/:id    | /products/42/      | true",
        "/products/{id}   | /products/42       | true",
        "/products/:id    | /products          | false",
        "/products/:id    | /products/         | false",
        "/products/:id    | /products/42/x     | false",
        "/:a/:b           | /x/y               | true",
        "/:a/:b           | /x                 | false",
        "/users/:id/posts | /users/7/posts     | true",
        "/users/:id/posts | /users/posts       | false",
        // * within one segment
        "/files/*.json    | /files/a.json      | true",
        "/files/*.json    | /files/.json       | true",
        "/files/*.json    | /files/a.json.bak  | false",
        "/files/*.json    | /files/a/b.json    | false",
        "/files/*.json    | /files/a.JSON      | false",
        "/files/v*        | /files/v2          | true",
        "/files/v*        | /files/v           | true",
        "/files/v*        | /files/w2          | false",
        "/a*b*c           | /abc               | true",
        "/a*b*c           | /aXbYc             | true",
        "/a*b*c           | /acb               | false",
        "/a*b*c           | /abcbc             | true",
        "/a*a             | /a                 | false",
        "/a*a             | /aa                | true",
        "/api/*/items     | /api/v1/items      | true",
        "/api/*/items     | /api/items         | false",
        "/api/*/items     | /api/a/b/items     | false",
        "/api/*           | /api               | false",
        // ** any number of segments, none included
        "/api/**          | /api               | true",
        "/api/**          | /api/              | true",
        "/api/**          | /api/x             | true",
        "/api/**          | /api/x/y/z         | true",
        "/api/**          | /apix              | false",
        "/api/**          | /ap                | false",
        "/**              | /                  | true",
        "/**              | /anything/at/all   | true",
        "/**/health       | /health            | true",
        "/**/health       | /a/b/health        | true",
        "/**/health       | /a/b/health/       | true",
        "/**/health       | /a/healthz         | false",
        "/**/health       | /health/a          | false",
        "/a/**/b          | /a/b               | true",
        "/a/**/b          | /a/x/y/b           | true",
        "/a/**/b          | /a/b/b             | true",
        "/a/**/b          | /a/x               | false",
        "/**/a/**/b/**    | /b/a               | false",
        "/**/a/**/b/**    | /x/a/y/b/z         | true",
        "/**/*.json       | /x/y/z.json        | true",
        "/**/**           | /                  | true",
        // escapes: the character itself
        "/v1/items\\:batchGet | /v1/items:batchGet | true",
        "/v1/items\\:batchGet | /v1/items/batchGet | false",
        "/\\:id           | /:id               | true",
        "/\\:id           | /42                | false",
        "/\\{id}          | /{id}              | true",
        "/a\\*b           | /a*b               | true",
        "/a\\*b           | /aXb               | false",
        "/\\*\\*          | /**                | true",
        "/\\*\\*          | /x                 | false",
        "/odata/\\$metadata | /odata/$metadata | true",
        "/odata/$metadata | /odata/$metadata   | true",
        "/c\\+\\+         | /c++               | true",
        "/100\\%          | /100%              | true",
        "/wiki/A_\\(b\\)  | /wiki/A_(b)        | true",
      })
  void matches_table(String route, String path, boolean expected) {
    assertThat(matches(route, path)).isEqualTo(expected);
  }

  @Test
  void notANormalisedPath_neverMatches() {
    PathPattern all = PathPattern.compile("/**");
    assertThat(all.matches(null)).isFalse();
    assertThat(all.matches("")).isFalse();
    assertThat(all.matches("api")).isFalse();
    // An empty segment is never one segment (a normalised path has none).
    assertThat(matches("/a/:id/b", "/a//b")).isFalse();
    assertThat(matches("/a/*/b", "/a//b")).isFalse();
  }

  @Nested
  class Errors {
    Errors() {}

    private void assertInvalid(String route, String reason, String fix) {
      assertThatThrownBy(() -> PathPattern.compile(route))
          .isInstanceOfSatisfying(
              PathPattern.Invalid.class,
              e -> {
                assertThat(e.getMessage()).as("reason").isEqualTo(reason);
                assertThat(e.fix()).as("fix").isEqualTo(fix);
              });
    }

    @Test
    void unclosedBrace() {
      assertInvalid("/products/{id", "has an unclosed { at index 10", "close it: {id}");
    }

    @Test
    void colonWithoutName() {
      assertInvalid(
          "/products/:",
          "has a : without a name at index 10",
          "write a name after it (/products/:id or /products/{id}), or \\: for a literal :");
      assertInvalid(
          "/products/:1",
          "has a : without a name at index 10",
          "write a name after it (/products/:id or /products/{id}), or \\: for a literal :");
      assertInvalid(
          "/products/{}",
          "has a {} without a name at index 10",
          "write a name after it (/products/:id or /products/{id}), or \\{ for a literal {");
    }

    @Test
    void parameterNotAWholeSegment() {
      String fix =
          "a parameter is a whole segment (/files/:name); for part of a segment write *"
              + " (/files/*.json)";
      assertInvalid(
          "/files/:name.json",
          "has a parameter that is not a whole segment (:name.json at index 7)",
          fix);
      assertInvalid(
          "/files/{name}.json",
          "has a parameter that is not a whole segment ({name}.json at index 7)",
          fix);
      assertInvalid(
          "/flights/:from-:to",
          "has a parameter that is not a whole segment (:from-:to at index 9)",
          fix);
      assertInvalid(
          "/v1/items:batchGet",
          "has a : inside a segment at index 9",
          fix + "; for a literal : write \\:");
    }

    @Test
    void parameterNameNotAName() {
      assertInvalid(
          "/a/{id-x}",
          "has the parameter name \"id-x\", which is not a name",
          "a name is ASCII letters, digits and _, not starting with a digit: {id}");
    }

    @Test
    void tripleStar() {
      assertInvalid(
          "/api/***",
          "has *** at index 5",
          "write * for any characters within a segment, or ** alone between two / for any number"
              + " of segments");
    }

    @Test
    void doubleStarInsideASegment() {
      String fix = "** stands alone between two / (/api/**, /**/health); within a segment write *";
      assertInvalid("/api**", "has ** inside a segment (index 4)", fix);
      assertInvalid("/**.json", "has ** inside a segment (index 1)", fix);
    }

    @Test
    void regexes() {
      assertThatThrownBy(() -> PathPattern.compile("/api/(.*)"))
          .hasMessageStartingWith("looks like a regex (( at index 5); a route path is /segments")
          .isInstanceOfSatisfying(
              PathPattern.Invalid.class,
              e ->
                  assertThat(e.fix())
                      .isEqualTo(
                          "write :name for one segment, * within a segment, ** for any number of"
                              + " segments; for a literal ( write \\("));
      assertThatThrownBy(() -> PathPattern.compile("/api/.*"))
          .hasMessageStartingWith("looks like a regex (.*)");
      assertThatThrownBy(() -> PathPattern.compile("/users/\\d+"))
          .hasMessageStartingWith("looks like a regex (\\d at index 7)");
      assertThatThrownBy(() -> PathPattern.compile("/items/[0-9]"))
          .hasMessageStartingWith("looks like a regex ([ at index 7)");
      assertThatThrownBy(() -> PathPattern.compile("^/api"))
          .hasMessageStartingWith("looks like a regex (it starts with ^)");
      assertThatThrownBy(() -> PathPattern.compile("/api$"))
          .hasMessageStartingWith("looks like a regex (it ends with $)");
      assertThatThrownBy(() -> PathPattern.compile("/a|b"))
          .hasMessageStartingWith("looks like a regex (| at index 2)");
      assertInvalid(
          "/ab?cd",
          "has a ? at index 3, which is neither part of a path nor a wildcard here",
          "leave the query out; write * for any characters within a segment, or \\? for a"
              + " literal ? (an encoded %3F)");
    }

    @Test
    void emptyAndDotSegments() {
      assertInvalid(
          "/api//users",
          "has an empty segment (// at index 4)",
          "write a single /: request paths are matched with empty segments removed");
      assertInvalid(
          "/api/../admin",
          "has a dot segment (..)",
          "write the path with it resolved: request paths are matched with . and .. resolved");
      assertInvalid(
          "/api/\\.",
          "has a dot segment (\\.)",
          "write the path with it resolved: request paths are matched with . and .. resolved");
    }

    @Test
    void expressStarAndMissingSlash() {
      assertInvalid(
          "*", "does not start with /", "write /** for every path (Express's '*' is /** here)");
      assertInvalid("products/:id", "does not start with /", "write \"/products/:id\"");
      assertInvalid("", "is empty", "write a path starting with /, e.g. /products/:id or /**");
      assertInvalid(" /api", "has a space at its start or end", "write \"/api\"");
    }

    @Test
    void encodedOrParameterOrControl() {
      assertThatThrownBy(() -> PathPattern.compile("/caf%C3%A9"))
          .hasMessage("has a % at index 4; routes are matched on the decoded path");
      assertThatThrownBy(() -> PathPattern.compile("/a;jsessionid=1"))
          .hasMessage("has a ; at index 2; routes are matched on the path without its ;parameters");
      assertThatThrownBy(() -> PathPattern.compile("/a\u0001"))
          .hasMessage("has a control character at index 2");
      assertThatThrownBy(() -> PathPattern.compile("/a#b"))
          .hasMessage("has a # at index 2, which is never part of a request path");
    }

    @Test
    void badEscapes() {
      assertThatThrownBy(() -> PathPattern.compile("/a\\")).hasMessage("ends with a lone \\");
      assertThatThrownBy(() -> PathPattern.compile("/a\\/b"))
          .hasMessage("has \\/ at index 2, but a segment never holds a /");
    }

    @Test
    void tooLong() {
      assertThatThrownBy(() -> PathPattern.compile("/" + "a".repeat(PathPattern.MAX_LENGTH)))
          .hasMessage("is longer than 2048 characters");
    }
  }

  @Nested
  class Cost {
    Cost() {}

    /**
     * A pattern of many {@code **} against a long path that almost matches: a backtracking matcher
     * tries every way to share the segments among the {@code **} (exponential); this one falls back
     * to the last {@code **} only. The bound is generous: it takes milliseconds.
     */
    @Test
    void manyDoubleStars_longAlmostMatchingPath_finishesQuickly() {
      PathPattern hostile = PathPattern.compile("/**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/b");
      String path = "/a".repeat(4000) + "/c";
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            for (int i = 0; i < 20; i++) {
              assertThat(hostile.matches(path)).isFalse();
            }
          });
      assertThat(hostile.matches("/a".repeat(4000) + "/b")).isTrue();
    }

    @Test
    void manyStarsInASegment_longAlmostMatchingSegment_finishesQuickly() {
      PathPattern hostile = PathPattern.compile("/*a*a*a*a*a*a*a*a*a*a*b");
      String path = "/" + "a".repeat(8000);
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            for (int i = 0; i < 20; i++) {
              assertThat(hostile.matches(path)).isFalse();
            }
          });
      assertThat(hostile.matches(path + "b")).isTrue();
    }
  }

  @Nested
  class Covers {
    Covers() {}

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "/**             | /anything/:id    | true",
          "/**             | /                | true",
          "/api/**         | /api/users       | true",
          "/api/**         | /api             | true",
          "/api/**         | /api/admin/**    | true",
          "/api/**         | /apix            | false",
          "/api/users      | /api/**          | false",
          "/a              | /a/              | true",
          "/a              | /b               | false",
          "/products/:id   | /products/42     | true",
          "/products/:id   | /products/{n}    | true",
          "/products/:id   | /products/*.json | true",
          "/products/:id   | /products/**     | false",
          "/products/42    | /products/:id    | false",
          "/products/*     | /products/:id    | true",
          "/files/*.json   | /files/a.json    | true",
          "/files/*.json   | /files/*.json    | true",
          "/files/*.json   | /files/a*.json   | true",
          "/files/*.json   | /files/*         | false",
          "/files/*.json   | /files/*.jso     | false",
          "/files/a*       | /files/*a        | false",
          "/files/*a*      | /files/x*ab*y    | true",
          "/**/health      | /api/health      | true",
          "/**/health      | /**/health       | true",
          "/**/health      | /health/**       | false",
          "/a/**/z         | /a/b/**/c/z      | true",
          "/a/**/z         | /a/**            | false",
          "/:a/**          | /x               | true",
          "/:a/**          | /                | false",
          "/*/**           | /**/x            | false", // covers, but is not found: no warning
        })
    void covers_table(String first, String later, boolean expected) {
      assertThat(PathPattern.compile(first).covers(PathPattern.compile(later))).isEqualTo(expected);
    }
  }
}

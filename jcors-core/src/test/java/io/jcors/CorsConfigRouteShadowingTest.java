package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A route that an earlier route hides is reported: the first matching route wins. */
public class CorsConfigRouteShadowingTest {
  /** Needed by JUnit on the class path with -Xlint:all. */
  public CorsConfigRouteShadowingTest() {}

  private static CorsConfig read(boolean strict, String... paths) {
    List<Object> routes = new ArrayList<>();
    for (String path : paths) {
      routes.add(Map.of("path", path, "cors", Map.of()));
    }
    return CorsConfig.read(Map.of("routes", routes, "strict", strict));
  }

  @Test
  void prefixBeforeNarrowerRoutes_warnsForEachHiddenRoute() {
    CorsConfig config = read(false, "/api/**", "/api/users", "/api/admin/**", "/api", "/apix");

    assertThat(config.problems())
        .extracting(CorsProblem::severity, CorsProblem::option, CorsProblem::value)
        .containsExactly(
            tuple(CorsProblem.Severity.WARNING, "routes[1].path", "\"/api/users\""),
            tuple(CorsProblem.Severity.WARNING, "routes[2].path", "\"/api/admin/**\""),
            tuple(CorsProblem.Severity.WARNING, "routes[3].path", "\"/api\""));
    assertThat(config.problems().get(0).reason())
        .isEqualTo(
            "is never used: routes[0] (\"/api/**\") comes first and matches every request this"
                + " route would, so this route's CORS policy never applies");
    assertThat(config.problems().get(0).fix())
        .isEqualTo("put the more specific route first, or remove one of them");
    assertThat(config.hasErrors()).isFalse();
  }

  @Test
  void catchAllFirst_hidesEverything_andDuplicatesAreHidden() {
    assertThat(read(false, "/**", "/public/**").problems())
        .extracting(CorsProblem::option)
        .containsExactly("routes[1].path");
    assertThat(read(false, "/a", "/a").problems())
        .extracting(CorsProblem::option)
        .containsExactly("routes[1].path");
  }

  @Test
  void specificRoutesFirst_noProblem() {
    assertThat(read(false, "/api/users", "/api/**", "/**").problems()).isEmpty();
  }

  @Test
  void strict_hiddenRouteIsAnError() {
    CorsConfig config = read(true, "/**", "/api/**");

    assertThat(config.problems())
        .extracting(CorsProblem::severity)
        .containsExactly(CorsProblem.Severity.ERROR);
    assertThat(config.hasErrors()).isTrue();
  }

  @Test
  void patterns_aParameterHidesItsLiteralsAndTheOrderOfTheRestIsKept() {
    CorsConfig config =
        read(
            false,
            "/products/:id",
            "/products/new",
            "/products/{sku}",
            "/files/*.json",
            "/files/a.json",
            "/**/health",
            "/api/health",
            "/products/new/edit");

    assertThat(config.problems())
        .extracting(CorsProblem::rule, CorsProblem::option, CorsProblem::reason)
        .containsExactly(
            tuple(
                CorsRule.C4,
                "routes[1].path",
                "is never used: routes[0] (\"/products/:id\") comes first and matches every"
                    + " request this route would, so this route's CORS policy never applies"),
            tuple(
                CorsRule.C4,
                "routes[2].path",
                "is never used: routes[0] (\"/products/:id\") comes first and matches every"
                    + " request this route would, so this route's CORS policy never applies"),
            tuple(
                CorsRule.C4,
                "routes[4].path",
                "is never used: routes[3] (\"/files/*.json\") comes first and matches every"
                    + " request this route would, so this route's CORS policy never applies"),
            tuple(
                CorsRule.C4,
                "routes[6].path",
                "is never used: routes[5] (\"/**/health\") comes first and matches every"
                    + " request this route would, so this route's CORS policy never applies"));
  }

  @Test
  void aMalformedPath_isLeftOutOfTheAnalysis_andTheNumbersStayThoseOfTheFile() {
    CorsConfig config = read(true, "/a/{id", "/b/**", "/b/c");

    assertThat(config.problems())
        .extracting(CorsProblem::rule, CorsProblem::severity, CorsProblem::option)
        .containsExactly(
            tuple(CorsRule.C3, CorsProblem.Severity.ERROR, "routes[0].path"),
            tuple(CorsRule.C4, CorsProblem.Severity.ERROR, "routes[2].path"));
    assertThat(config.problems().get(1).reason())
        .startsWith("is never used: routes[1] (\"/b/**\")");
  }
}

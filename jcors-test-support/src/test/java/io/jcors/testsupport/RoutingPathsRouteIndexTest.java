package io.jcors.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.RequestPath;
import io.jcors.internal.PathPattern;
import io.jcors.internal.RouteIndex;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The route path matcher on the routing-path corpus: every path of {@link RoutingPaths}, normalised
 * as the adapters normalise it, chooses the route of its decoded, resolved form, which is also the
 * route a handler dispatching on that form serves; an ambiguous path chooses none.
 */
class RoutingPathsRouteIndexTest {
  private static final List<String> ROUTES =
      List.of(RoutingPaths.ADMIN_ROUTE, RoutingPaths.API_ROUTE);
  private static final RouteIndex INDEX =
      new RouteIndex(ROUTES.stream().map(PathPattern::compile).toList());

  RoutingPathsRouteIndexTest() {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.jcors.testsupport.RoutingPaths#cases")
  void corpus_choosesTheRouteOfTheNormalisedPath(RoutingPaths.Entry entry) {
    String path = RequestPath.normalize(entry.rawPath());
    int first = INDEX.first(path);
    String chosen = first < 0 ? null : ROUTES.get(first);

    if (entry.kind() == RoutingPaths.Kind.AMBIGUOUS) {
      assertThat(path).as("normalised").isNull();
      assertThat(chosen).as("route of %s", entry).isNull();
    } else {
      assertThat(chosen).as("route of %s (%s)", entry, path).isEqualTo(entry.route());
      assertThat(chosen).as("the handler's route").isEqualTo(RoutingPaths.routeOf(path));
    }
  }
}

package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.spring.boot.securedreactive.SecuredReactiveApi;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.server.WebFilter;

/**
 * The starter in a Spring WebFlux application behind Spring Security with HTTP Basic, configured in
 * properties only (those of {@link SecuredApiContract}), on Reactor Netty on a random port, over
 * real HTTP.
 */
@SpringBootTest(
    classes = SecuredReactiveApi.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      // The controller exception, logged by Boot's error handler, is expected.
      "logging.level.org.springframework.boot.autoconfigure.web.reactive.error=off",
      "logging.level.org.springframework.boot.webflux.autoconfigure.error=off"
    })
class SecuredReactiveTest extends SecuredApiContract {
  @Autowired ObjectProvider<WebFilter> filters;

  @Test
  void monoDelayedOnAnotherScheduler_keepsCorsHeaders() throws Exception {
    HttpResponse<String> response = getAsUser(port, "/api/delayed");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("delayed").contains("parallel");
    assertAllowsApp(response);
  }

  @Test
  void filter_orderedBeforeSpringSecurity() {
    List<String> ordered =
        filters.orderedStream().map(filter -> filter.getClass().getSimpleName()).toList();
    assertThat(ordered).contains("JcorsWebFilter", "WebFilterChainProxy");
    assertThat(ordered.indexOf("JcorsWebFilter"))
        .isLessThan(ordered.indexOf("WebFilterChainProxy"));
    assertThat(
            ((org.springframework.core.Ordered)
                    filters
                        .orderedStream()
                        .filter(f -> f instanceof JcorsWebFilter)
                        .findFirst()
                        .orElseThrow())
                .getOrder())
        .isEqualTo(-110);
  }
}

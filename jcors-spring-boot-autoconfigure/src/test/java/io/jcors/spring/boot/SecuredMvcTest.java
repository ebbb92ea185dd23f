package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.servlet.CorsFilter;
import io.jcors.spring.boot.secured.SecuredApi;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The starter in a Spring MVC application behind Spring Security with HTTP Basic, configured in
 * properties only (those of {@link SecuredApiContract}), on a random port, over real HTTP.
 */
@SpringBootTest(
    classes = SecuredApi.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // The controller exception's stack trace, logged by Tomcat, is expected.
    properties = "logging.level.org.apache.catalina.core=off")
class SecuredMvcTest extends SecuredApiContract {
  @Autowired FilterRegistrationBean<CorsFilter> registration;

  /** A {@code Callable} and a {@code DeferredResult}: the answer comes on an async dispatch. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"callable", "deferred"})
  void asyncController_keepsCorsHeaders(String kind) throws Exception {
    assertAsyncAnswerAllowsApp(port, kind);
  }

  @Test
  void filter_onEveryPath_beforeSecurity_onRequestAsyncAndErrorDispatches() {
    assertThat(registration.getOrder()).isEqualTo(-110);
    assertThat(registration.getUrlPatterns()).containsExactly("/*");
    assertThat(registration.isAsyncSupported()).isTrue();
    assertThat(registration.determineDispatcherTypes())
        .containsExactlyInAnyOrder(
            DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
  }
}
